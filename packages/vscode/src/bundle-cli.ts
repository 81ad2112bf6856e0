/** `pnpm --filter remit-vscode bundle`: bundles into `out/`, which the `.vsix` packs. */
import { bundle, extensionRoot } from "./bundle.js";

await bundle(`${extensionRoot}/out`);
console.log("bundled out/extension.cjs and out/server.cjs");
