import env from '#start/env'

/*
|--------------------------------------------------------------------------
| Health endpoints
|--------------------------------------------------------------------------
|
| /health/ready answers everyone with its verdict (status + HTTP code).
| The details (each check, pid, Node version, memory) go only to a
| request carrying this token (`Authorization: Bearer <token>` or
| `x-health-token`) or to an admin's API token. Unset: admins only.
|
*/
const healthConfig = {
  token: env.get('HEALTH_TOKEN') || undefined,
  /**
   * Heap use (MB) that makes readiness a warning, and unready (503). A web
   * process normally stays far below; a process that holds more (the test
   * runner, which keeps the whole suite in one heap) raises them.
   */
  heapWarnMb: env.get('HEALTH_HEAP_WARN_MB') ?? 250,
  heapFailMb: env.get('HEALTH_HEAP_FAIL_MB') ?? 300,
}

export default healthConfig
