import { useState, type DragEvent } from 'react'
import { Head, Link, router } from '@inertiajs/react'
import { urlFor } from '../../client.ts'
import { useI18n } from '../../lib/i18n.ts'
import { EmptyState } from '../../components/ui/empty_state.tsx'
import { MenuButton } from '../../components/ui/menu_button.tsx'
import { ModalDialog } from '../../components/ui/modal_dialog.tsx'
import { DueDate, Person, StatusBadge } from '../../components/processes/badges.tsx'
import {
  TransitionDialog,
  type TransitionChoice,
} from '../../components/processes/transition_dialog.tsx'
import { ConflictNotice, type Conflict } from '../../components/processes/conflict_notice.tsx'
import {
  commandOptions,
  useCommandKey,
  type CommandOutcome,
  type ReturnedPage,
} from '../../components/processes/command.ts'
import type { FieldDef } from '../../components/processes/data_field.tsx'
import type { Data } from '../../../../.adonisjs/client/data.js'
import type { InertiaProps } from '../../types.ts'

type Column = {
  key: string
  name: string
  type: 'start' | 'task' | 'end' | 'other'
  outcome: string | null
  count: number
  /** More than `count` (the cap): shown as "10,000+". */
  capped: boolean
  /** The column's next cards (a cursor link), and back to its first ones when paged. */
  nextUrl: string | null
  firstUrl: string | null
  paged: boolean
}
type Card = Data.BoardCard
type Move = Card['moves'][number]

type Props = InertiaProps<{
  workflow: { key: string; name: string; description: string | null; published: boolean }
  columns: Column[]
  cards: Card[]
  fields: FieldDef[]
  people: Data.Person[]
  closedElsewhere: number
  limits: { active: number; closed: number }
  allowed: { move: boolean }
}>

const OTHER = '__other'

/**
 * A workflow's board: a column per stage in definition order. A card
 * moves by dragging it onto a column an allowed transition leads to (those
 * light up while dragging) or with its "Move to…" menu. A move runs the
 * transition with the card's version: if someone changed the process
 * first, nothing moves, the board reloads and says so.
 */
export default function BoardShow(props: Props) {
  const { workflow, columns, cards, allowed: can } = props
  const { t } = useI18n()
  const commandKey = useCommandKey()
  const [dragging, setDragging] = useState<Card | null>(null)
  const [pending, setPending] = useState<number | null>(null)
  const [conflict, setConflict] = useState<(Conflict & { id: number }) | null>(null)
  const [asking, setAsking] = useState<{ card: Card; choice: TransitionChoice } | null>(null)
  const [choosing, setChoosing] = useState<{ card: Card; moves: Move[] } | null>(null)

  const columnKeys = new Set(columns.map((c) => c.key))
  const columnOf = (card: Card) => (columnKeys.has(card.stage.key) ? card.stage.key : OTHER)
  const stageName = (key: string) => columns.find((c) => c.key === key)?.name ?? key

  const versionOf = (id: number) => (page: ReturnedPage) =>
    (page.props.cards as Card[] | undefined)?.find((c) => c.id === id)?.version

  const outcomeFor = (card: Card) => (outcome: CommandOutcome, page: ReturnedPage) => {
    if (outcome === 'conflict') {
      const fresh = (page.props.cards as Card[]).find((c) => c.id === card.id)
      setConflict({
        id: card.id,
        reference: card.reference,
        stage: fresh?.stage.name ?? card.stage.name,
        version: fresh?.version ?? card.version,
      })
    } else if (outcome === 'done') {
      setConflict(null)
    }
  }

  const run = (card: Card, move: Move) => {
    if (move.missingFields.length) {
      setAsking({
        card,
        choice: {
          key: move.key,
          label: move.label,
          toName: stageName(move.to),
          fieldKeys: move.missingFields,
        },
      })
      return
    }
    setPending(card.id)
    router.post(
      urlFor('processes.transition', { id: card.id }),
      {
        transition: move.key,
        expectedVersion: card.version,
        idempotencyKey: commandKey(`transition-${move.key}`, card.id, card.version),
      },
      {
        ...commandOptions({
          expectedVersion: card.version,
          versionIn: versionOf(card.id),
          onOutcome: outcomeFor(card),
        }),
        onFinish: () => setPending(null),
      }
    )
  }

  const moveTo = (card: Card, stageKey: string) => {
    const moves = card.moves.filter((m) => m.to === stageKey)
    if (moves.length === 1) run(card, moves[0]!)
    else if (moves.length > 1) setChoosing({ card, moves })
  }

  const accepts = (column: Column) =>
    dragging !== null && dragging.moves.some((m) => m.to === column.key)

  const listLink = (column: Column) =>
    urlFor(
      'processes.index',
      {},
      {
        qs:
          column.type === 'other'
            ? { workflow: workflow.key, status: 'active' }
            : column.type === 'end'
              ? { workflow: workflow.key, stage: column.key }
              : { workflow: workflow.key, stage: column.key, status: 'active' },
      }
    )

  return (
    <>
      <Head title={t('processes.board.title', { name: workflow.name })} />
      <div className="page-header">
        <div>
          <h1>{t('processes.board.title', { name: workflow.name })}</h1>
          {workflow.description && <p>{workflow.description}</p>}
        </div>
        <div className="form-actions">
          <Link
            className="btn"
            href={urlFor('processes.index', {}, { qs: { workflow: workflow.key } })}
          >
            {t('processes.board.listView')}
          </Link>
          {workflow.published && (
            <Link
              className="btn btn-primary"
              href={urlFor('processes.create', {}, { qs: { workflow: workflow.key } })}
            >
              {t('processes.list.start')}
            </Link>
          )}
        </div>
      </div>

      {conflict && <ConflictNotice conflict={conflict} onDismiss={() => setConflict(null)} />}

      {!workflow.published ? (
        <div className="card">
          <EmptyState
            title={t('processes.board.unpublished.title')}
            action={
              <Link className="btn" href={urlFor('workflows.index')}>
                {t('processes.board.unpublished.action')}
              </Link>
            }
          >
            {t('processes.board.unpublished.body')}
          </EmptyState>
        </div>
      ) : (
        <>
          <p className="muted board-help" id="board-help">
            {can.move ? t('processes.board.help') : t('processes.board.readOnly')}
          </p>
          <div className="board" aria-describedby="board-help">
            {columns.map((column) => {
              const columnCards = cards.filter((card) => columnOf(card) === column.key)
              const hidden = column.count - columnCards.length
              const target = accepts(column)
              const headingId = `column-${column.key}`
              return (
                <section
                  key={column.key}
                  className={[
                    'board-column',
                    `column-${column.type}`,
                    dragging && target ? 'drop-target' : '',
                    dragging && !target && columnOf(dragging) !== column.key ? 'drop-disabled' : '',
                  ].join(' ')}
                  aria-labelledby={headingId}
                  data-stage={column.key}
                  onDragOver={(event: DragEvent) => {
                    if (!target) return
                    event.preventDefault()
                    event.dataTransfer.dropEffect = 'move'
                  }}
                  onDrop={(event: DragEvent) => {
                    event.preventDefault()
                    if (dragging && target) moveTo(dragging, column.key)
                    setDragging(null)
                  }}
                >
                  <header className="column-header">
                    <h2 id={headingId}>
                      {column.type === 'other' ? t('processes.board.otherStages') : column.name}
                    </h2>
                    <span
                      className="column-count"
                      aria-label={
                        column.capped
                          ? t('processes.board.countCapped', { count: column.count })
                          : t('processes.board.count', { count: column.count })
                      }
                    >
                      {column.capped ? `${column.count.toLocaleString()}+` : column.count}
                    </span>
                  </header>
                  {column.type === 'end' && column.count > 0 && (
                    <p className="column-note muted">
                      {t('processes.board.closedNote', { limit: props.limits.closed })}
                    </p>
                  )}
                  {columnCards.length === 0 ? (
                    <p className="column-empty muted">
                      {target ? t('processes.board.dropHere') : t('processes.board.emptyColumn')}
                    </p>
                  ) : (
                    <ul className="card-list">
                      {columnCards.map((card) => (
                        <BoardCard
                          key={card.id}
                          card={card}
                          canMove={can.move}
                          busy={pending !== null}
                          pending={pending === card.id}
                          conflicted={conflict?.id === card.id}
                          stageName={stageName}
                          onDragStart={() => setDragging(card)}
                          onDragEnd={() => setDragging(null)}
                          onMove={(move) => run(card, move)}
                        />
                      ))}
                    </ul>
                  )}
                  {hidden > 0 && !column.paged && (
                    <Link className="column-more" href={listLink(column)}>
                      {t('processes.board.more', { count: hidden })}
                    </Link>
                  )}
                  {(column.nextUrl || column.firstUrl) && (
                    <nav
                      className="pagination column-pages"
                      aria-label={t('processes.board.columnPages', { column: column.name })}
                    >
                      {column.firstUrl && (
                        <Link className="btn btn-sm" href={column.firstUrl} preserveScroll>
                          {t('processes.board.firstCards')}
                        </Link>
                      )}
                      {column.nextUrl && (
                        <Link className="btn btn-sm" href={column.nextUrl} preserveScroll>
                          {t('processes.board.nextCards')}
                        </Link>
                      )}
                    </nav>
                  )}
                </section>
              )
            })}
          </div>
          {props.closedElsewhere > 0 && (
            <p className="muted">
              <Link
                href={urlFor(
                  'processes.index',
                  {},
                  { qs: { workflow: workflow.key, status: 'cancelled' } }
                )}
              >
                {t('processes.board.closedElsewhere', { count: props.closedElsewhere })}
              </Link>
            </p>
          )}
        </>
      )}

      {asking && (
        <TransitionDialog
          process={{
            id: asking.card.id,
            reference: asking.card.reference,
            version: asking.card.version,
          }}
          transition={asking.choice}
          fields={props.fields}
          people={props.people}
          onClose={() => setAsking(null)}
          versionIn={versionOf(asking.card.id)}
          onOutcome={outcomeFor(asking.card)}
        />
      )}

      <ModalDialog
        open={choosing !== null}
        onClose={() => setChoosing(null)}
        title={
          choosing
            ? t('processes.board.choose.title', {
                reference: choosing.card.reference,
                stage: stageName(choosing.moves[0]!.to),
              })
            : ''
        }
      >
        {choosing && (
          <div className="form-actions choose-moves">
            {choosing.moves.map((move) => (
              <button
                key={move.key}
                type="button"
                className="btn btn-primary"
                onClick={() => {
                  const { card } = choosing
                  setChoosing(null)
                  run(card, move)
                }}
              >
                {move.label}
              </button>
            ))}
            <button type="button" className="btn" onClick={() => setChoosing(null)}>
              {t('common.cancel')}
            </button>
          </div>
        )}
      </ModalDialog>
    </>
  )
}

function BoardCard(props: {
  card: Card
  canMove: boolean
  busy: boolean
  pending: boolean
  conflicted: boolean
  stageName: (key: string) => string
  onDragStart: () => void
  onDragEnd: () => void
  onMove: (move: Move) => void
}) {
  const { t, formatDate } = useI18n()
  const { card } = props
  const movable = props.canMove && card.status === 'active' && card.moves.length > 0
  return (
    <li
      className={[
        'board-card',
        card.overdue ? 'is-overdue' : '',
        props.pending ? 'is-pending' : '',
        props.conflicted ? 'is-conflicted' : '',
      ].join(' ')}
      draggable={movable && !props.busy}
      data-testid={`card-${card.reference}`}
      aria-busy={props.pending || undefined}
      onDragStart={(event) => {
        event.dataTransfer.effectAllowed = 'move'
        event.dataTransfer.setData('text/plain', card.reference)
        props.onDragStart()
      }}
      onDragEnd={props.onDragEnd}
    >
      <Link href={urlFor('processes.show', { id: card.id })} className="card-link">
        <span className="card-ref">{card.reference}</span>
        <span className="card-title">{card.title}</span>
      </Link>
      <div className="card-meta">
        <Person person={card.assignee} />
        {card.status === 'active' ? (
          card.dueAt && <DueDate dueAt={card.dueAt} overdue={card.overdue} />
        ) : (
          <span>
            <StatusBadge status={card.status} /> {formatDate(card.closedAt)}
          </span>
        )}
      </div>
      {movable && (
        <div className="card-foot">
          <MenuButton
            label={t('processes.board.moveTo')}
            ariaLabel={t('processes.board.moveToFor', { reference: card.reference })}
            disabled={props.busy}
            className="btn btn-sm btn-quiet"
            items={card.moves.map((move) => ({
              key: move.key,
              label: t('processes.board.moveItem', {
                label: move.label,
                stage: props.stageName(move.to),
              }),
              hint: move.missingFields.length ? t('processes.board.asksFor') : undefined,
              onSelect: () => props.onMove(move),
            }))}
          />
        </div>
      )}
    </li>
  )
}
