import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const engineBans = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        { group: ['react', 'react-dom', 'react/*', 'zustand', 'zustand/*', 'framer-motion', '@xstate/react'], message: 'src/sim is headless: no UI libraries.' },
        { group: ['**/app/**', '**/ui/**', '**/cli/**', '**/scenarios/**'], message: 'src/sim imports only xstate, pure-rand and src/sim/**.' },
      ],
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Use the simulated clock (Scheduler.now).' },
    { object: 'Math', property: 'random', message: 'Use a seeded stream (createStreams).' },
    { object: 'performance', property: 'now', message: 'The engine never reads the wall clock.' },
  ],
  'no-restricted-globals': [
    'error',
    { name: 'setTimeout', message: 'Schedule on the simulated clock.' },
    { name: 'setInterval', message: 'Schedule on the simulated clock.' },
    { name: 'requestAnimationFrame', message: 'The engine has no frames.' },
    { name: 'window', message: 'The engine runs in Node: no DOM.' },
    { name: 'document', message: 'The engine runs in Node: no DOM.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'scratch/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  { files: ['src/sim/**/*.ts'], ignores: ['src/sim/**/*.test.ts'], rules: engineBans },
  {
    files: ['e2e/**/*.{js,mjs}', 'scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    files: ['scripts/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { process: 'readonly', console: 'readonly', require: 'readonly', __dirname: 'readonly', __filename: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
