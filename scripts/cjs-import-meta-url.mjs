// Injected into the CommonJS main-process bundle by scripts/build.mjs: CommonJS has no
// import.meta, so the bundle's import.meta.url is defined as this, its own file's URL.
import { pathToFileURL } from 'node:url';

export const importMetaUrl = pathToFileURL(__filename).href;
