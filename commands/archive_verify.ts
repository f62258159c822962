import { existsSync, readFileSync } from 'node:fs'
import { BaseCommand, args } from '@adonisjs/core/ace'
import type { CommandOptions } from '@adonisjs/core/types/ace'

/**
 * Checks an archive bundle on its own, without the database: the hash
 * chain, each process's events gapless and in order, and the manifest.
 * `<bundle>` is a file path or a bundle name on the drive disk
 * (`archives/<workflow>/<YYYY-MM>.jsonl.gz`). Every problem is printed with
 * its line; exit code 1 when there is any.
 */
export default class ArchiveVerify extends BaseCommand {
  static commandName = 'archive:verify'
  static description = 'Check an archive bundle offline (hash chain, order, manifest)'
  static options: CommandOptions = { startApp: true }

  @args.string({ description: 'A bundle file path, or its name on the drive disk' })
  declare bundle: string

  async run() {
    const { unpackBundle, verifyLines } = await import('#support/archives/bundle')
    let lines: string[]
    try {
      if (existsSync(this.bundle)) {
        lines = unpackBundle(readFileSync(this.bundle))
      } else {
        const { readBundle } = await import('#support/archives/storage')
        lines = await readBundle(this.bundle)
      }
    } catch (error) {
      this.logger.error(`${this.bundle}: cannot be read (${(error as Error).message})`)
      this.exitCode = 1
      return
    }
    const result = verifyLines(lines)
    for (const problem of result.problems) {
      this.logger.error(`line ${problem.position}: ${problem.kind}: ${problem.message}`)
    }
    const summary = `${this.bundle}: ${result.processes} processes, ${result.events} events, ${lines.length} lines`
    if (result.problems.length) {
      this.logger.error(`${summary}: ${result.problems.length} problem(s)`)
      this.exitCode = 1
    } else {
      this.logger.success(`${summary}: intact (last hash ${result.manifest?.lastHash})`)
    }
  }
}
