import { test } from '@japa/runner'
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import ts from 'typescript'

/**
 * app/engine is pure (no database, Redis, config or framework): the
 * browser's designer and the unit tests load it alone. eslint.config.js
 * forbids the I/O imports; these tests keep that rule in place and hold
 * every engine file to an allowlist (which also sees dynamic imports).
 */
const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const ENGINE = join(ROOT, 'app/engine')
const RULE = 'no-restricted-imports'
/** Only the import rule runs: the style rules are `npm run lint`'s job, and slow. */
const lintImports = () => new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => ruleId === RULE })
const LIBRARIES = ['yaml', 'luxon', '@bufbuild/cel', 're2js']

function engineFiles() {
  return readdirSync(ENGINE, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ENGINE, file))
}

/** Every module specifier a file names (TypeScript's own scan: static, re-exported, dynamic). */
function specifiersOf(source: string) {
  return ts.preProcessFile(source, true, true).importedFiles.map((file) => file.fileName)
}

const allowed = (specifier: string) =>
  specifier.startsWith('./') ||
  specifier.startsWith('../') ||
  specifier.startsWith('#engine/') ||
  LIBRARIES.some((library) => specifier === library || specifier.startsWith(`${library}/`))

async function restrictedImports(code: string, filePath: string) {
  const [result] = await lintImports().lintText(code, { filePath: join(ROOT, filePath) })
  return result!.messages.filter((m) => m.ruleId === RULE)
}

test.group('Engine / import rule', () => {
  test('no file under app/engine imports outside the engine but small libraries', ({ assert }) => {
    const files = engineFiles()
    assert.isAbove(files.length, 10)
    const outside = files.flatMap((file) =>
      specifiersOf(readFileSync(file, 'utf8'))
        .filter((specifier) => !allowed(specifier))
        .map((specifier) => `${relative(ROOT, file)} imports ${specifier}`)
    )
    assert.deepEqual(outside, [])
  })

  test('ESLint finds no restricted import under app/engine', async ({ assert }) => {
    const results = await lintImports().lintFiles(['app/engine/**/*.ts'])
    assert.isAbove(results.length, 10)
    const violations = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === RULE)
        .map((m) => `${relative(ROOT, r.filePath)}:${m.line} ${m.message}`)
    )
    assert.deepEqual(violations, [])
  }).timeout(60000)

  test('the ESLint rule fires on database, Redis, framework and app imports in app/engine', async ({
    assert,
  }) => {
    const bad = [
      `import Process from '#models/process'`,
      `import CommitProcessChange from '#actions/processes/commit_process_change'`,
      `import { protections } from '#automation/protection'`,
      `import { sqlTime } from '#support/sql_time'`,
      `import automationConfig from '#config/automation'`,
      `import type { QueueDriver } from '#queue/driver'`,
      `import db from '@adonisjs/lucid/services/db'`,
      `import knex from 'knex'`,
      `import mysql from 'mysql2'`,
      `import Database from 'better-sqlite3'`,
      `import Redis from 'ioredis'`,
      `import { Queue } from 'bullmq'`,
      `import { readFileSync } from 'node:fs'`,
      `import { connect } from 'node:net'`,
      `import { lookup } from 'node:dns'`,
      `import { request } from 'node:https'`,
      `export { default } from '#services/mail'`,
    ]
    const messages = await restrictedImports(
      `${bad.join('\n')}\n`,
      'app/engine/actions/not_a_real_file.ts'
    )
    assert.deepEqual(
      messages.map((m) => m.line),
      bad.map((_, index) => index + 1)
    )
    assert.lengthOf(await restrictedImports(bad.join('\n'), 'app/automation/not_a_real_file.ts'), 0)
  }).timeout(60000)

  test('the ESLint rule lets the engine import itself, relative files and yaml', async ({
    assert,
  }) => {
    const good = [
      `import { parseDocument } from 'yaml'`,
      `import type { DateTime } from 'luxon'`,
      `import { parseDuration } from '#engine/duration'`,
      `import { verifyActionList } from './verify_actions.js'`,
    ].join('\n')
    assert.lengthOf(await restrictedImports(good, 'app/engine/actions/not_a_real_file.ts'), 0)
  }).timeout(60000)
})
