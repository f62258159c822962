import Process from '#models/process'
import { NotFound } from '#exceptions/domain_error'

/**
 * The process a command acts on, or a 404.
 */
export async function loadProcess(id: number | string): Promise<Process> {
  const process = Number.isSafeInteger(Number(id)) ? await Process.find(Number(id)) : null
  if (!process) throw new NotFound('Process')
  return process
}
