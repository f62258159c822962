/**
 * The deployment's egress rules for automation, from config: which
 * destinations calls may reach (the guard and AUTOMATION_ALLOWED_HOSTS)
 * and which hosts each secret may be sent to
 * (STAGEFLOW_SECRET_<NAME>_HOSTS). Used by the verifier at save/publish
 * and again at run time.
 */
import automationConfig, { secretHostsOf } from '#config/automation'
import { AllowList } from '#support/egress/addresses'
import { literalRefusal, portOf, type EgressPolicy } from '#support/egress/guard'
import type { EgressRules } from '#engine/actions/call_origin'

/** Why the secret may not go to `url`, or null. Never mentions its value. */
export function secretRefusal(name: string, url: URL): string | null {
  const variable = `${automationConfig.secretPrefix}${name}_HOSTS`
  if (name.endsWith('_HOSTS')) return `names ending in "_HOSTS" are host bindings, not secrets`
  const text = secretHostsOf(name)
  if (!text) {
    return `the secret is not bound to any host, so it can be sent nowhere (set ${variable} to the hosts that may receive it)`
  }
  const hosts = AllowList.parse(text)
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (hosts.allowsHost(host, portOf(url)) || hosts.allowsAddress(host, portOf(url))) return null
  return `${url.host} is not one of its hosts (${variable})`
}

export function egressRules(): EgressRules {
  return {
    refusal: (origin) => literalRefusal(origin, automationConfig.egress.allowedHosts),
    secretRefusal,
  }
}

export function egressPolicy(): EgressPolicy {
  return {
    allow: automationConfig.egress.allowedHosts,
    resolve: automationConfig.egress.resolve,
  }
}
