// Builds the dashboard into static files: src/main.ts (with the SDK in ../typescript and
// graphql-ws) bundled by esbuild into app.js, beside index.html and app.css. Run from the
// repository root with `make clients`; the drift test (tests/clients/test_dashboard_bundle.py)
// builds into PAWGRAPH_DASHBOARD_OUTPUT and compares with the committed files.
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const output = resolve(
  process.env["PAWGRAPH_DASHBOARD_OUTPUT"] ?? join(here, "../../graphql_api/static/app"),
);

mkdirSync(output, { recursive: true });
await build({
  absWorkingDir: here,
  entryPoints: ["src/main.ts"],
  outfile: join(output, "app.js"),
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
});
for (const name of ["index.html", "app.css"]) {
  copyFileSync(join(here, "src", name), join(output, name));
}
