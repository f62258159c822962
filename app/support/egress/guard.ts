/**
 * The egress guard: decides whether an outbound call may go to a URL and
 * pins the address it checked for the connection, so a second DNS answer
 * (rebinding) can never redirect the socket to an address it refused.
 */
import { isIP, type LookupFunction } from 'node:net'
import { lookup as dnsLookup } from 'node:dns/promises'
import { refusedRange, type AllowList } from '#support/egress/addresses'

/** A destination the guard refuses; nothing was sent. Not worth retrying. */
export class EgressRefused extends Error {
  name = 'EgressRefused'
}

export type ResolvedAddress = { address: string; family: number }
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>

export type EgressPolicy = {
  allow: AllowList
  /** DNS; the system resolver unless a test injects one. */
  resolve?: Resolver
}

/** A checked destination: connect to `address`, and only to it. */
export type Destination = { hostname: string; address: string; family: number; port: number }

export const systemResolver: Resolver = (hostname) =>
  dnsLookup(hostname, { all: true, verbatim: true })

/** Names that mean this machine whatever DNS says (RFC 6761). */
const LOCAL_NAMES = /^(localhost|localhost\.localdomain|ip6-localhost|ip6-loopback)$|\.localhost$/

const bareHost = (url: URL) =>
  url.hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase()

export const portOf = (url: URL) => Number(url.port || (url.protocol === 'https:' ? 443 : 80))

/**
 * What can be judged without DNS: the scheme, credentials, literal IP
 * addresses (the WHATWG parser has already turned decimal, hex, octal and
 * short IPv4 forms into dotted ones) and names of this machine. Returns
 * why the URL is refused, or null.
 */
export function literalRefusal(url: URL, allow: AllowList): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `the scheme "${url.protocol.replace(/:$/, '')}" is not allowed (only http and https)`
  }
  if (url.username || url.password) return 'a URL with credentials ("user@") is not allowed'
  const host = bareHost(url)
  const port = portOf(url)
  if (allow.allowsHost(host, port)) return null
  if (isIP(host)) {
    const reason = refusedRange(host)
    if (reason && !allow.allowsAddress(host, port)) return `${url.hostname} is a ${reason} address`
    return null
  }
  if (LOCAL_NAMES.test(host)) return `"${url.hostname}" names this machine`
  return null
}

const refusal = (url: URL, reason: string) =>
  new EgressRefused(
    `Refused to call ${url.protocol}//${url.host}: ${reason}. ` +
      'Add the host to AUTOMATION_ALLOWED_HOSTS if it is meant to be reachable.'
  )

/**
 * Resolves the URL's host and checks every address it answers with.
 * One refused address refuses the call (an attacker's DNS may mix a
 * public and a private answer).
 *
 * @throws EgressRefused; DNS failures are thrown as they come.
 */
export async function resolveDestination(url: URL, policy: EgressPolicy): Promise<Destination> {
  const problem = literalRefusal(url, policy.allow)
  if (problem) throw refusal(url, problem)
  const hostname = bareHost(url)
  const port = portOf(url)
  const family = isIP(hostname)
  if (family) return { hostname, address: hostname, family, port }
  const answers = await (policy.resolve ?? systemResolver)(hostname)
  if (!answers.length) throw new Error(`No address found for ${hostname}`)
  if (!policy.allow.allowsHost(hostname, port)) {
    for (const { address } of answers) {
      const reason = refusedRange(address)
      if (reason && !policy.allow.allowsAddress(address, port)) {
        throw refusal(url, `it resolves to ${address}, a ${reason} address`)
      }
    }
  }
  const [first] = answers
  return { hostname, address: first!.address, family: first!.family, port }
}

/**
 * A `lookup` for the socket that answers with the checked address and
 * never asks DNS again. It checks once more that the address it hands
 * out is allowed, so no code path connects to an unchecked one.
 */
export function pinnedLookup(destination: Destination, policy: EgressPolicy): LookupFunction {
  return (hostname, options, callback) => {
    const asked = hostname.replace(/\.$/, '').toLowerCase()
    const reason =
      asked !== destination.hostname
        ? `the connection asked for ${hostname}, not the checked ${destination.hostname}`
        : policy.allow.allowsHost(destination.hostname, destination.port) ||
            policy.allow.allowsAddress(destination.address, destination.port)
          ? null
          : refusedRange(destination.address)
    if (reason) {
      callback(new EgressRefused(`Refused to connect to ${destination.address}: ${reason}`), '', 0)
      return
    }
    const { address, family } = destination
    if (options.all) callback(null, [{ address, family }] as never, family)
    else callback(null, address, family)
  }
}
