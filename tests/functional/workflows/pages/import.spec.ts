import { test } from '@japa/runner'
import { stringify } from 'yaml'
import { UserFactory } from '#database/factories/user_factory'
import Workflow from '#models/workflow'
import WorkflowVersion from '#models/workflow_version'
import { freshDatabase, publishWorkflow } from '#tests/helpers/common'
import { reviewDefinition } from '#tests/helpers/workflow_fixtures'

const upload = (text: string, filename: string) => ({
  content: Buffer.from(text),
  options: {
    filename,
    contentType: filename.endsWith('.json') ? 'application/json' : 'application/yaml',
  },
})

test.group('Workflow pages / import', (group) => {
  freshDatabase(group)

  test('a YAML file becomes the draft of a new workflow', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const file = upload(stringify(reviewDefinition()), 'review.yaml')
    const response = await client
      .post('/workflows/import')
      .file('file', file.content, file.options)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/workflows/doc-review/edit')
    response.assertFlashMessage('success', '“Document review” imported as draft version 1.')

    const workflow = await Workflow.findByOrFail('key', 'doc-review')
    const version = await WorkflowVersion.findByOrFail('workflow_id', workflow.id)
    assert.equal(version.status, 'draft')
    assert.deepEqual(version.definition, reviewDefinition())
  })

  test('a file with the key of an existing workflow becomes its next draft', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const { workflow } = await publishWorkflow(reviewDefinition(), manager)
    const file = upload(JSON.stringify(reviewDefinition({ name: 'Imported again' })), 'r.json')
    const response = await client
      .post('/workflows/import')
      .file('file', file.content, file.options)
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows/doc-review/edit')
    const versions = await WorkflowVersion.query()
      .where('workflow_id', workflow.id)
      .orderBy('number')
    assert.deepEqual(
      versions.map((v) => [v.number, v.status]),
      [
        [1, 'published'],
        [2, 'draft'],
      ]
    )
    assert.equal(versions[1]!.definition.name, 'Imported again')
  })

  test('a YAML file with a problem is refused and its problems come back to the list', async ({
    client,
    assert,
  }) => {
    const manager = await UserFactory.apply('manager').create()
    const broken = reviewDefinition()
    // The "review" stage gets a duration the verifier does not accept.
    broken.stages[1]!.sla = 'two days'
    const file = upload(stringify(broken), 'broken.yml')
    const response = await client
      .post('/workflows/import')
      .file('file', file.content, file.options)
      .header('referer', '/workflows')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/workflows')
    response.assertFlashMessage('error', 'The workflow definition has 1 problem.')
    const problems = response.flashMessages().errorsBag as Record<string, string[]>
    assert.deepEqual(Object.keys(problems), ['$.stages[1].sla'])
    assert.lengthOf(await Workflow.all(), 0)

    // The list shows them, by path.
    const list = await client
      .get('/workflows')
      .withFlashMessages({ errorsBag: problems })
      .loginAs(manager)
      .withInertia()
    const { importProblems } = list.inertiaProps as any
    assert.deepEqual(Object.keys(importProblems), ['$.stages[1].sla'])
    assert.include(importProblems['$.stages[1].sla'], 'two days')
  })

  test('a file that is not valid YAML says where', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const file = upload('key: doc-review\nstages: [\n  - oops: : :\n', 'bad.yaml')
    const response = await client
      .post('/workflows/import')
      .file('file', file.content, file.options)
      .header('referer', '/workflows')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertHeader('location', '/workflows')
    const flash = response.flashMessages()
    assert.match(String(flash.error), /^The file is not valid YAML \(line \d+, column \d+\)\.$/)
    assert.property(flash.errorsBag, 'file')
    assert.lengthOf(await Workflow.all(), 0)
  })

  test('only .json, .yaml and .yml files are accepted', async ({ client, assert }) => {
    const manager = await UserFactory.apply('manager').create()
    const response = await client
      .post('/workflows/import')
      .file('file', Buffer.from('key: x'), { filename: 'definition.txt' })
      .header('referer', '/workflows')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    assert.property(response.flashMessages().inputErrorsBag, 'file')
    assert.lengthOf(await Workflow.all(), 0)
  })

  /** Imports a file and returns the flashed summary and the file field's message. */
  async function importRefused(client: any, text: string, filename: string) {
    const manager = await UserFactory.apply('manager').create()
    const file = upload(text, filename)
    const response = await client
      .post('/workflows/import')
      .file('file', file.content, file.options)
      .header('referer', '/workflows')
      .loginAs(manager)
      .withCsrfToken()
      .redirects(0)
    response.assertStatus(302)
    response.assertHeader('location', '/workflows')
    const flash = response.flashMessages()
    return { summary: String(flash.error), field: String(flash.errorsBag?.file) }
  }

  test('a YAML "billion laughs" file is refused on the file field, not a 500', async ({
    client,
    assert,
  }) => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (const [name, previous] of [...'bcdefghi'].map((n, i) => [n, 'abcdefgh'[i]])) {
      laughs.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`)
    }
    const { summary, field } = await importRefused(client, laughs.join('\n'), 'laughs.yaml')
    assert.equal(summary, 'The file is not valid YAML.')
    assert.equal(field, 'The definition uses YAML aliases too often (at most 100 expansions).')
    assert.lengthOf(await Workflow.all(), 0)
  })

  test('definition files nested deeper than the limit are refused with a plain message', async ({
    client,
    assert,
  }) => {
    const deepJson = '{"key":"deep","stages":' + '['.repeat(5000) + ']'.repeat(5000) + '}'
    const json = await importRefused(client, deepJson, 'deep.json')
    assert.equal(json.field, 'The definition is nested more than 100 levels deep.')

    // Block style: 1,440 levels of indentation is what fits in the 1 MB upload limit,
    // and past the depth where the YAML parser itself overflows (about 1,350).
    let deepYaml = 'key: deep\nstages:\n'
    for (let level = 1; level <= 1440; level++) deepYaml += `${' '.repeat(level)}a:\n`
    const yaml = await importRefused(client, `${deepYaml}${' '.repeat(1441)}x`, 'deep.yaml')
    assert.equal(yaml.field, 'The definition is nested more than 100 levels deep.')

    const flowYaml = await importRefused(
      client,
      `key: deep\nstages: ${'['.repeat(150)}${']'.repeat(150)}`,
      'flow.yaml'
    )
    assert.equal(flowYaml.field, 'The definition is nested more than 100 levels deep.')
    assert.lengthOf(await Workflow.all(), 0)
  })
})
