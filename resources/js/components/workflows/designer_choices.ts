import { usePage } from '@inertiajs/react'

/** A team, calendar or workflow a designer picker offers. */
export type DesignerChoice = { key: string; name: string }

export type DesignerChoices = {
  teams: DesignerChoice[]
  calendars: DesignerChoice[]
  childWorkflows: DesignerChoice[]
}

const none: DesignerChoice[] = []

/**
 * The teams, calendars and child workflows the designer page was given
 * (WorkflowDesignerController → designerChoices), read from the page's
 * props so that nested editors need no prop drilling. Empty lists when a
 * page does not provide them.
 */
export function useDesignerChoices(): DesignerChoices {
  const props = usePage().props as Partial<DesignerChoices> & {
    workflow?: { key: string } | null
  }
  const own = props.workflow?.key
  return {
    teams: props.teams ?? none,
    calendars: props.calendars ?? none,
    // A workflow starting itself as a child always nests too deep (the server refuses it).
    childWorkflows: (props.childWorkflows ?? none).filter((choice) => choice.key !== own),
  }
}

/** "Finance (finance)", or the key alone when the name adds nothing. */
export const choiceLabel = (choice: DesignerChoice) =>
  choice.name && choice.name !== choice.key ? `${choice.name} (${choice.key})` : choice.key
