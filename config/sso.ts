import env from '#start/env'
import type { Role } from '#enums/role'

/*
|--------------------------------------------------------------------------
| Single sign-on (OpenID Connect)
|--------------------------------------------------------------------------
|
| Off unless SSO_ISSUER is set. The login page then shows a "Sign in with
| <SSO_BUTTON_LABEL>" button; app/actions/sso/ runs the authorization code
| flow with PKCE, state and nonce through openid-client. start/env.ts checks
| the variables together (checkSsoVariables).
|
*/

/** "claim value=role" pairs, e.g. "stageflow-admins=admin,stageflow-managers=manager". */
export function parseRoleMap(value: string | undefined): Record<string, Role> {
  const map: Record<string, Role> = {}
  for (const entry of (value ?? '').split(',').map((item) => item.trim())) {
    if (!entry) continue
    const at = entry.lastIndexOf('=')
    map[entry.slice(0, at).trim()] = entry.slice(at + 1).trim() as Role
  }
  return map
}

const appUrl = env.get('APP_URL').replace(/\/+$/, '')

const ssoConfig = {
  /** The OpenID provider's issuer URL; unset turns single sign-on off. */
  issuer: env.get('SSO_ISSUER') ?? null,
  clientId: env.get('SSO_CLIENT_ID') ?? '',
  clientSecret: env.get('SSO_CLIENT_SECRET') ?? '',
  scopes: env.get('SSO_SCOPES') || 'openid email profile',
  buttonLabel: env.get('SSO_BUTTON_LABEL') || 'single sign-on',
  redirectUrl: env.get('SSO_REDIRECT_URL') || `${appUrl}/auth/sso/callback`,
  /** Claim holding the role value(s) mapped through roleMap (a string or an array). */
  roleClaim: env.get('SSO_ROLE_CLAIM') || 'roles',
  /** Claim holding team keys (an array); members of existing teams with those keys. Unset: teams are not synced. */
  teamsClaim: env.get('SSO_TEAMS_CLAIM') ?? null,
  roleMap: parseRoleMap(env.get('SSO_ROLE_MAP')),
  /** Role of a user none of whose claim values is mapped. */
  defaultRole: (env.get('SSO_DEFAULT_ROLE') ?? 'member') as Role,
  /** Plain-http issuers (tests and local providers only; refused in production at boot). */
  allowInsecureHttp: env.get('SSO_ALLOW_INSECURE_HTTP') === true,
}

export type SsoConfig = typeof ssoConfig

export default ssoConfig
