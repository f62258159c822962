/**
 * Live updates to open pages (server-sent events). Until the transmit
 * channel is wired, this is a no-op hook the jobs already call.
 */
export function publishToUser(_userId: number, _message: Record<string, unknown>) {}

export function publishToProcess(_processId: number, _message: Record<string, unknown>) {}
