/**
 * Where an http action may call, as far as the definition alone can say.
 * Pure and browser-safe: the designer runs the verifier too.
 */

/**
 * The deployment's egress rules, given by the server (the verifier also
 * runs in the browser, where they are unknown and these checks are left
 * to the server). Both answer why not, or null.
 */
export type EgressRules = {
  /** A destination refused without DNS: scheme, literal private or local host. */
  refusal(origin: URL): string | null
  /** The secret may not be sent to this origin. */
  secretRefusal(name: string, origin: URL): string | null
}

/**
 * The origin a URL template calls, when its scheme, host and port are
 * fully literal: no placeholder, "@", "?", "#", a backslash or "%" before the
 * first "/" after the authority. Null otherwise. At run time the rendered
 * URL must have this same origin.
 */
export function literalOrigin(template: string): URL | null {
  const match = /^(https?:\/\/)([^/]*)(\/|$)/i.exec(template)
  if (!match || !match[2] || /[{}@?#\\%\s]/.test(match[2])) return null
  try {
    return new URL(`${match[1]}${match[2]}/`)
  } catch {
    return null
  }
}
