/**
 * The charts inside `root` as one PNG: each chart's title and its key above its plot, stacked,
 * on white, with `caption` (scenario, seed, time; lines split on "\n") at the foot. Resolves to null when there is
 * no drawn chart (charts are still loading, or the browser cannot draw).
 */
export async function chartsPng(root: HTMLElement, caption: string): Promise<Blob | null> {
  const charts = [...root.querySelectorAll<HTMLElement>('figure.chart')]
    .map((f) => ({ title: f.dataset.title ?? '', keys: [...f.querySelectorAll('.key')].map((k) => ({ text: k.textContent ?? '', colour: k.querySelector('line')?.getAttribute('stroke') ?? '#000', dash: k.querySelector('line')?.getAttribute('stroke-dasharray') ?? '' })), canvas: f.querySelector('canvas') }))
    .filter((c): c is typeof c & { canvas: HTMLCanvasElement } => c.canvas !== null && c.canvas.width > 0);
  if (charts.length === 0) return null;
  const scale = charts[0]!.canvas.width / Math.max(1, charts[0]!.canvas.clientWidth || charts[0]!.canvas.width);
  const pad = 16 * scale;
  const line = 24 * scale;
  const head = 2 * line; // the title, then the keys
  const width = Math.max(...charts.map((c) => c.canvas.width)) + 2 * pad;
  const height = charts.reduce((h, c) => h + head + c.canvas.height + pad, pad) + 40 * scale;
  const out = document.createElement('canvas');
  out.width = Math.ceil(width);
  out.height = Math.ceil(height);
  const ctx = out.getContext('2d');
  if (!ctx) return null;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, out.width, out.height);
  let y = pad;
  for (const c of charts) {
    ctx.fillStyle = '#1b1f24';
    ctx.font = `700 ${15 * scale}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    ctx.fillText(c.title, pad, y + line / 2);
    let x = pad;
    const keyY = y + line + line / 2;
    ctx.font = `${13 * scale}px system-ui, sans-serif`;
    for (const k of c.keys) {
      ctx.strokeStyle = k.colour;
      ctx.lineWidth = 3 * scale;
      ctx.setLineDash(k.dash ? k.dash.split(/[ ,]+/).map((d) => Number(d) * scale) : []);
      ctx.beginPath();
      ctx.moveTo(x, keyY);
      ctx.lineTo(x + 20 * scale, keyY);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = '#5b6470';
      ctx.fillText(k.text, x + 24 * scale, keyY);
      x += 24 * scale + ctx.measureText(k.text).width + 14 * scale;
    }
    y += head;
    ctx.drawImage(c.canvas, pad, y);
    y += c.canvas.height + pad;
  }
  ctx.fillStyle = '#5b6470';
  ctx.font = `${13 * scale}px system-ui, sans-serif`;
  for (const [i, text] of caption.split('\n').entries()) ctx.fillText(text, pad, y + 6 * scale + i * 18 * scale);
  return new Promise((resolve) => out.toBlob((b) => resolve(b), 'image/png'));
}
