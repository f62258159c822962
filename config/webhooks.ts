/*
|--------------------------------------------------------------------------
| Webhooks
|--------------------------------------------------------------------------
|
| Inbound hooks (POST /hooks/:workflowKey/:hookKey): the largest body
| accepted and the requests per minute per hook (shared by every instance
| through the limiter's store). Outbound deliveries use the egress guard
| of config/automation.ts (AUTOMATION_ALLOWED_HOSTS).
|
*/
const webhooksConfig = {
  inbound: {
    /** Bytes of body a hook accepts (413 above). */
    maxBodyBytes: 64 * 1024,
    /** Requests per minute per hook (429 above). */
    requestsPerMinute: 120,
  },
}

export default webhooksConfig
