import { test } from '@japa/runner'
import type { SessionData, SessionStoreContract } from '@adonisjs/session/types'
import { ThrottledTouchStore } from '#support/session/throttled_touch'

/** A store that records what reaches it. */
class RecordingStore implements SessionStoreContract {
  calls: string[] = []
  read(id: string) {
    this.calls.push(`read ${id}`)
    return null
  }
  write(id: string, _values: SessionData) {
    this.calls.push(`write ${id}`)
  }
  destroy(id: string) {
    this.calls.push(`destroy ${id}`)
  }
  touch(id: string) {
    this.calls.push(`touch ${id}`)
  }
}

test.group('Throttled session touches', () => {
  test('an unchanged session is touched at most once per interval; reads always pass', async ({
    assert,
  }) => {
    const inner = new RecordingStore()
    let now = 1_000_000
    const store = new ThrottledTouchStore(inner, 60_000, () => now)

    await store.touch('s1')
    await store.read('s1')
    now += 30_000
    await store.touch('s1')
    now += 30_000
    await store.touch('s1')
    await store.touch('s2')

    assert.deepEqual(inner.calls, ['touch s1', 'read s1', 'touch s1', 'touch s2'])
  })

  test('a write counts as a touch; a destroyed session is touched again at once', async ({
    assert,
  }) => {
    const inner = new RecordingStore()
    let now = 5_000_000
    const store = new ThrottledTouchStore(inner, 60_000, () => now)

    await store.write('w1', { a: 1 })
    now += 1_000
    await store.touch('w1')
    await store.destroy('w1')
    await store.touch('w1')

    assert.deepEqual(inner.calls, ['write w1', 'destroy w1', 'touch w1'])
  })

  test('tagging is offered only when the real store offers it', ({ assert }) => {
    const plain = new ThrottledTouchStore(new RecordingStore(), 1000)
    assert.isFalse('tag' in plain)

    const tags: string[] = []
    const taggable = Object.assign(new RecordingStore(), {
      tag: (id: string, user: string) => void tags.push(`${id}:${user}`),
      untag: () => {},
      tagged: () => [],
    })
    const wrapped = new ThrottledTouchStore(taggable, 1000) as unknown as {
      tag(id: string, user: string): void
    }
    wrapped.tag('s9', '42')
    assert.deepEqual(tags, ['s9:42'])
  })
})
