import env from '#start/env'

/*
|--------------------------------------------------------------------------
| Health endpoints
|--------------------------------------------------------------------------
|
| /health/ready answers everyone with its verdict (status + HTTP code).
| The details (each check, pid, Node version, memory) go only to a
| request carrying this token (`Authorization: Bearer <token>` or
| `x-health-token`) or to a signed-in admin. Unset: admins only.
|
*/
const healthConfig = {
  token: env.get('HEALTH_TOKEN') || undefined,
}

export default healthConfig
