/*
|--------------------------------------------------------------------------
| `node bin/copy_checkout.js <dir> [--link-node-modules] [--with-assets]`
|--------------------------------------------------------------------------
|
| A second working copy of this checkout in <dir> (created; it must not
| exist or be empty): the tracked and untracked, not ignored files as they
| are on disk (uncommitted changes included), node_modules — copied, or
| hard-linked with --link-node-modules — and the lock file's hash that
| `npm ci` leaves for bin/_bootstrap.js. --with-assets also copies the
| built UI (public/assets).
|
| .ci/run runs its MariaDB + Redis suite in such a copy (the suites write
| under tmp/ and storage/); tests/deploy/fresh_clone.ts deploys one.
|
*/
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')

const args = process.argv.slice(2)
const target = args.find((arg) => !arg.startsWith('--'))
const unknown = args.filter(
  (arg) => arg.startsWith('--') && !['--link-node-modules', '--with-assets'].includes(arg)
)
if (!target || unknown.length) {
  console.error('usage: node bin/copy_checkout.js <dir> [--link-node-modules] [--with-assets]')
  process.exit(2)
}
const dest = resolve(target)
if (existsSync(dest) && readdirSync(dest).length) {
  console.error(`copy_checkout: ${dest} is not empty`)
  process.exit(2)
}
mkdirSync(dest, { recursive: true })

const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
  cwd: ROOT,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
})
  .split('\0')
  // A tracked file deleted in the working tree is not copied.
  .filter((file) => file && existsSync(join(ROOT, file)))
for (const file of files) {
  mkdirSync(dirname(join(dest, file)), { recursive: true })
  cpSync(join(ROOT, file), join(dest, file))
}

const link = args.includes('--link-node-modules')
execFileSync('cp', [link ? '-al' : '-a', join(ROOT, 'node_modules'), join(dest, 'node_modules')])
// A new file, not one written through a hard link into this tree's node_modules.
const stamp = join(dest, 'node_modules', '.stageflow-lock-hash')
rmSync(stamp, { force: true })
writeFileSync(
  stamp,
  createHash('sha256')
    .update(readFileSync(join(dest, 'package-lock.json')))
    .digest('hex')
)

const assets = join(ROOT, 'public', 'assets')
if (args.includes('--with-assets') && existsSync(assets)) {
  cpSync(assets, join(dest, 'public', 'assets'), { recursive: true })
}
console.log(
  `copied ${files.length} files to ${dest} (node_modules ${link ? 'hard-linked' : 'copied'})`
)
