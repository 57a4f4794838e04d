// Bundles src/index.ts into the one ES module that every nnwidgets widget loads as `_esm`.
// `node build.mjs --watch` rebuilds on change (with ANYWIDGET_HMR=1 the kernel picks it up).

import * as esbuild from "esbuild";

const options = {
  entryPoints: ["src/index.ts"],
  outfile: "../nnwidgets/static/widget.js",
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: false,
  logLevel: "info",
};

if (process.argv.includes("--watch")) {
  const context = await esbuild.context({ ...options, minify: false });
  await context.watch();
} else {
  await esbuild.build(options);
}
