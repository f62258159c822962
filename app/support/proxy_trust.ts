import proxyAddr from 'proxy-addr'

/**
 * Which peers may tell us the client's address and scheme through
 * X-Forwarded-* headers. `list` is TRUSTED_PROXIES: comma-separated
 * addresses, CIDRs or proxy-addr names (`loopback`, `linklocal`,
 * `uniquelocal`). Empty trusts nobody: the client IP is the socket's peer,
 * whatever headers it sends.
 */
export function proxyTrust(list: string | undefined): (address: string, hop: number) => boolean {
  const entries = (list ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return () => false
  return proxyAddr.compile(entries)
}
