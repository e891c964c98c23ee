/**
 * The Entra tenant an activity comes from, as Teams states it: `channelData.tenant.id` first (the Teams docs' source
 * of truth), then `conversation.tenantId`. Takes the raw body too, so the HTTP layer can check it before the adapter.
 */
export function tenantOf(activity: { channelData?: unknown; conversation?: unknown } | undefined): string | undefined {
  const channelData = activity?.channelData as { tenant?: { id?: unknown } } | undefined;
  const conversation = activity?.conversation as { tenantId?: unknown } | undefined;
  const tenant = channelData?.tenant?.id ?? conversation?.tenantId;
  return typeof tenant === 'string' && tenant !== '' ? tenant : undefined;
}
