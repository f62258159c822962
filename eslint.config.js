import { configApp } from '@adonisjs/eslint-config'
import { react } from '@adonisjs/eslint-config/react'

/**
 * The engine is pure: it imports only itself, relative files and small
 * libraries (yaml, luxon types, @bufbuild/cel for expressions, re2js for patterns), so the browser and unit tests can load it
 * alone. tests/unit/engine/import_rule.spec.ts fails if this block goes.
 */
const engineImportRule = {
  name: 'Stageflow: app/engine imports no I/O',
  files: ['app/engine/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^#(models|actions|automation|support|config|services|jobs|queue)/',
            message:
              'app/engine is pure: it may import only #engine/*, relative files and small libraries.',
          },
          {
            regex: '^(@adonisjs/.*|knex|mysql2|better-sqlite3|ioredis|bullmq)(/.*)?$',
            message: 'app/engine does no I/O: no framework, database or Redis client.',
          },
          {
            regex: '^(node:)?(fs|net|dns|http|https|http2)(/.*)?$',
            message: 'app/engine does no I/O: no file system or network module.',
          },
        ],
      },
    ],
  },
}

export default configApp(...react, engineImportRule, {
  ignores: ['.adonisjs/**', 'public/**', 'build/**', 'tmp/**', 'clients/typescript/stageflow.d.ts'],
})
