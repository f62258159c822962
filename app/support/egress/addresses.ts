/**
 * Which IP addresses an outbound call may reach, and the operator's
 * allowlist (AUTOMATION_ALLOWED_HOSTS). Pure: no DNS, no config.
 */
import { BlockList, isIP } from 'node:net'

/** Special-purpose ranges (IANA registries) no outbound call reaches unless allowed. */
const IPV4_RANGES: [string, number, string][] = [
  ['0.0.0.0', 8, 'unspecified ("this network")'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'shared address space (CGNAT)'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved (IETF protocol assignments)'],
  ['192.0.2.0', 24, 'reserved (documentation)'],
  ['192.88.99.0', 24, 'reserved (6to4 relay)'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved (benchmarking)'],
  ['198.51.100.0', 24, 'reserved (documentation)'],
  ['203.0.113.0', 24, 'reserved (documentation)'],
  ['224.0.0.0', 4, 'multicast'],
  ['255.255.255.255', 32, 'broadcast'],
  ['240.0.0.0', 4, 'reserved'],
]
const IPV6_RANGES: [string, number, string][] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['64:ff9b:1::', 48, 'reserved (local-use NAT64)'],
  ['100::', 64, 'reserved (discard-only)'],
  ['2001::', 23, 'reserved (IETF protocol assignments)'],
  ['2001:db8::', 32, 'reserved (documentation)'],
  ['fc00::', 7, 'unique-local'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'site-local'],
  ['ff00::', 8, 'multicast'],
]

const RANGES = [
  ...IPV4_RANGES.map(([net, bits, label]) => ({ label, list: subnet(net, bits, 'ipv4') })),
  ...IPV6_RANGES.map(([net, bits, label]) => ({ label, list: subnet(net, bits, 'ipv6') })),
]

function subnet(net: string, bits: number, family: 'ipv4' | 'ipv6') {
  const list = new BlockList()
  list.addSubnet(net, bits, family)
  return list
}

/** The 16 bytes of an IPv6 address (a dotted IPv4 tail allowed). */
function ipv6Bytes(address: string): number[] {
  let text = address.replace(/^\[|\]$/g, '').split('%')[0]!
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted[1]!.split('.').map(Number) as [number, number, number, number]
    text =
      text.slice(0, dotted.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined]
  const left = head ? head.split(':') : []
  const right = tail ? tail.split(':') : []
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
  return groups.flatMap((g) => {
    const n = Number.parseInt(g || '0', 16)
    return [n >> 8, n & 0xff]
  })
}

/**
 * The IPv4 address an IPv6 address stands for, when it embeds one:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
 * (64:ff9b::a.b.c.d) and 6to4 (2002:aabb:ccdd::).
 */
export function embeddedIPv4(address: string): string | null {
  const b = ipv6Bytes(address)
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0)
  const v4 = (at: number) => b.slice(at, at + 4).join('.')
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return v4(12)
  if (zero(0, 12) && !zero(12, 14)) return v4(12) // ::a.b.c.d (:: and ::1 are their own kinds)
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return v4(12)
  if (b[0] === 0x20 && b[1] === 0x02) return v4(2)
  return null
}

/**
 * Why an IP address may not be called ("loopback", "private", …), or null
 * for a public address. IPv6 forms that embed an IPv4 address are judged
 * by that address.
 */
export function refusedRange(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '')
  const family = isIP(bare)
  if (family === 0) return 'not an IP address'
  if (family === 6) {
    const inner = embeddedIPv4(bare)
    if (inner) {
      const reason = refusedRange(inner)
      return reason ? `${reason}, embedded in the IPv6 address` : null
    }
  }
  const type = family === 4 ? 'ipv4' : 'ipv6'
  return RANGES.find((range) => range.list.check(bare, type))?.label ?? null
}

type AllowEntry =
  | { kind: 'host'; host: string; port: number | null }
  | { kind: 'net'; list: BlockList; port: number | null }

const HOSTNAME =
  /^(?=.{1,253}$)([a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/

/**
 * The operator's allowlist: comma-separated host names, IP addresses or
 * CIDR ranges, each optionally with ":port" (IPv6 as "[::1]:8080").
 * An entry lets a call through to an address the guard would refuse.
 */
export class AllowList {
  private constructor(
    private entries: AllowEntry[],
    readonly text: string
  ) {}

  /** @throws Error naming the first malformed entry. */
  static parse(text: string | undefined | null): AllowList {
    const items = (text ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean)
    return new AllowList(items.map(parseEntry), items.join(','))
  }

  /** True when the host name itself (any address it resolves to) is allowed on this port. */
  allowsHost(hostname: string, port: number) {
    const host = normalizeHost(hostname)
    return this.entries.some(
      (e) => e.kind === 'host' && e.host === host && (e.port === null || e.port === port)
    )
  }

  /** True when this address is inside an allowed IP or range, on this port. */
  allowsAddress(address: string, port: number) {
    const bare = address.replace(/^\[|\]$/g, '')
    const family = isIP(bare)
    if (!family) return false
    const candidates: [string, 'ipv4' | 'ipv6'][] = [[bare, family === 4 ? 'ipv4' : 'ipv6']]
    const inner = family === 6 ? embeddedIPv4(bare) : null
    if (inner) candidates.push([inner, 'ipv4'])
    return this.entries.some(
      (e) =>
        e.kind === 'net' &&
        (e.port === null || e.port === port) &&
        candidates.some(([a, t]) => e.list.check(a, t))
    )
  }
}

const normalizeHost = (host: string) => host.toLowerCase().replace(/\.$/, '')

function parseEntry(item: string): AllowEntry {
  const fail = () => {
    throw new Error(
      `"${item}" is not a host name, IP address or CIDR range (optionally with ":port")`
    )
  }
  let rest = item
  let port: number | null = null
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(rest)
  if (bracketed) {
    rest = bracketed[1]!
    port = bracketed[2] ? Number(bracketed[2]) : null
  } else if ((rest.match(/:/g) ?? []).length === 1) {
    const [host, p] = rest.split(':')
    if (!/^\d+$/.test(p!)) fail()
    rest = host!
    port = Number(p)
  }
  if (port !== null && (port < 1 || port > 65_535)) fail()
  const [net, bits] = rest.split('/')
  const family = isIP(net!)
  if (family) {
    const max = family === 4 ? 32 : 128
    const prefix = bits === undefined ? max : /^\d+$/.test(bits) ? Number(bits) : Number.NaN
    if (!(prefix >= 0 && prefix <= max)) fail()
    const list = new BlockList()
    list.addSubnet(net!, prefix, family === 4 ? 'ipv4' : 'ipv6')
    return { kind: 'net', list, port }
  }
  if (bits !== undefined || !HOSTNAME.test(rest.toLowerCase())) fail()
  return { kind: 'host', host: normalizeHost(rest), port }
}
