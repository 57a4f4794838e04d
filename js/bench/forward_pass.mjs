// What the Playground would cost the browser if only weights travelled: the largest network's
// forward pass (7 features, 6 layers of 8, tanh) over the output view's 100×100 grid and every
// neuron's 24×24 map, per frame. Run: node js/bench/forward_pass.mjs (README: How fast).
const sizes = [7, 8, 8, 8, 8, 8, 8, 1];
const W = [], B = [];
for (let l = 0; l < sizes.length - 1; l++) {
  W.push(Float32Array.from({ length: sizes[l] * sizes[l + 1] }, () => Math.random() - 0.5));
  B.push(new Float32Array(sizes[l + 1]).fill(0.1));
}
function features(x1, x2, out) {
  out[0] = x1; out[1] = x2; out[2] = x1 * x1; out[3] = x2 * x2; out[4] = x1 * x2;
  out[5] = Math.sin(x1); out[6] = Math.sin(x2);
}
const act = [new Float32Array(8), new Float32Array(8)];
function grid(res, maps) {
  const f = new Float32Array(7);
  let p = 0;
  for (let r = 0; r < res; r++) for (let c = 0; c < res; c++, p++) {
    features(-6 + (c + 0.5) * 12 / res, 6 - (r + 0.5) * 12 / res, f);
    let input = f, n = 0;
    for (let l = 0; l < W.length; l++) {
      const out = act[l % 2], ins = sizes[l], outs = sizes[l + 1];
      for (let j = 0; j < outs; j++) {
        let s = B[l][j];
        for (let i = 0; i < ins; i++) s += input[i] * W[l][i * outs + j];
        out[j] = Math.tanh(s);
        if (maps) maps[(n + j) * res * res + p] = out[j];
      }
      n += outs; input = out;
    }
  }
}
const maps = new Float32Array(49 * 24 * 24);
for (let k = 0; k < 20; k++) { grid(100, null); grid(24, maps); }
const times = [];
for (let k = 0; k < 50; k++) {
  const t = performance.now(); grid(100, null); grid(24, maps); times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log("JS forward per frame (median ms):", times[25].toFixed(2));
