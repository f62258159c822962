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
  const props = usePage().props as Partial<DesignerChoices>
  return {
    teams: props.teams ?? none,
    calendars: props.calendars ?? none,
    childWorkflows: props.childWorkflows ?? none,
  }
}

/** "Finance (finance)", or the key alone when the name adds nothing. */
export const choiceLabel = (choice: DesignerChoice) =>
  choice.name && choice.name !== choice.key ? `${choice.name} (${choice.key})` : choice.key
