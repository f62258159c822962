import { useState } from 'react'
import { router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import type { Data } from '../../../../.adonisjs/client/data.js'

type Member = { email: string; name: string; lead: boolean }

/**
 * One team on Admin → Teams: rename it, edit its members (add, remove,
 * toggle lead) and save them as a whole, or delete it after confirming.
 */
export function TeamCard(props: { team: Data.Team; people: Data.Person[] }) {
  const { t } = useI18n()
  const { team } = props
  const [name, setName] = useState(team.name)
  const [members, setMembers] = useState<Member[]>(
    team.members.map((m) => ({ email: m.email, name: m.name, lead: m.lead }))
  )
  const [adding, setAdding] = useState('')
  const candidates = props.people.filter((p) => !members.some((m) => m.email === p.email))
  const id = (part: string) => `team-${team.key}-${part}`

  const add = () => {
    const person = props.people.find((p) => p.email === adding)
    if (!person) return
    setMembers([...members, { email: person.email, name: person.name, lead: false }])
    setAdding('')
  }

  return (
    <section className="card" aria-labelledby={id('title')}>
      <div className="page-header">
        <h2 id={id('title')}>
          {team.name} <code className="wf-mono">{team.key}</code>
        </h2>
        <button
          type="button"
          className="btn btn-danger btn-sm"
          onClick={() =>
            window.confirm(t('teams.confirmDelete', { name: team.name })) &&
            router.delete(urlFor('admin.teams.destroy', { key: team.key }))
          }
        >
          {t('teams.delete')}
        </button>
      </div>

      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          router.patch(urlFor('admin.teams.update', { key: team.key }), { name })
        }}
      >
        <div className="field">
          <label htmlFor={id('name')}>{t('teams.name')}</label>
          <input id={id('name')} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="btn">
          {t('teams.rename')}
        </button>
      </form>

      {members.length === 0 ? (
        <p className="hint">{t('teams.noMembers')}</p>
      ) : (
        <table>
          <caption className="sr-only">{t('teams.membersOf', { name: team.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('teams.member')}</th>
              <th scope="col">{t('teams.lead')}</th>
              <th scope="col">
                <span className="sr-only">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.email}>
                <td>
                  {member.name} <span className="hint">{member.email}</span>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t('teams.leadToggle', { name: member.name })}
                    checked={member.lead}
                    onChange={(e) =>
                      setMembers(
                        members.map((m) =>
                          m.email === member.email ? { ...m, lead: e.target.checked } : m
                        )
                      )
                    }
                  />
                </td>
                <td style={{ textAlign: 'right' }}>
                  <button
                    type="button"
                    className="btn btn-sm"
                    onClick={() => setMembers(members.filter((m) => m.email !== member.email))}
                  >
                    {t('teams.remove', { name: member.name })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <div className="inline-form">
        <div className="field">
          <label htmlFor={id('add')}>{t('teams.addMember')}</label>
          <select id={id('add')} value={adding} onChange={(e) => setAdding(e.target.value)}>
            <option value="">{t('teams.choosePerson')}</option>
            {candidates.map((p) => (
              <option key={p.id} value={p.email}>
                {p.name} ({p.email})
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn" onClick={add} disabled={!adding}>
          {t('teams.add')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          onClick={() =>
            router.put(urlFor('admin.teams.members', { key: team.key }), {
              members: members.map((m) => ({ email: m.email, lead: m.lead })),
            })
          }
        >
          {t('teams.saveMembers')}
        </button>
      </div>
    </section>
  )
}
