// The simulation store's public face: the store is built in slices under ./store/ (see
// docs/architecture.md, "The page's stores").
export * from './store/index.ts';
