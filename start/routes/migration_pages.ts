/*
|--------------------------------------------------------------------------
| Process migrations between workflow versions (admins)
|--------------------------------------------------------------------------
*/
import router from '@adonisjs/core/services/router'
import { controllers } from '#generated/controllers'

export function migrationPages() {
  router
    .get('/workflows/:key/migrate', [controllers.ProcessMigrations, 'create'])
    .as('migrations.create')
  router
    .post('/workflows/:key/migrations', [controllers.ProcessMigrations, 'store'])
    .as('migrations.store')
  router
    .get('/migrations/:id', [controllers.ProcessMigrations, 'show'])
    .as('migrations.show')
    .where('id', router.matchers.number())
}
