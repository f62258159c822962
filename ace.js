/*
|--------------------------------------------------------------------------
| JavaScript entrypoint for ace commands
|--------------------------------------------------------------------------
|
| Node cannot run the TypeScript sources directly, so this file registers
| the TypeScript loader and hands over to "bin/console.ts". The production
| build replaces it with a plain JavaScript version.
|
*/
import '@poppinss/ts-exec'

await import('./bin/console.js')
