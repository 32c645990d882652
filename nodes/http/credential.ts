/**
 * The credential type a node's requests authenticate with: the one the node was given (a node of
 * this package takes exactly one), so that every node shares the HTTP layer.
 */
export function credentialTypeOfNode(node: {
	credentials?: Record<string, unknown> | null;
}): string {
	return Object.keys(node.credentials ?? {})[0] ?? 'unstructuredApi';
}

export function credentialTypeOf(context: {
	getNode(): { credentials?: Record<string, unknown> | null };
}): string {
	return credentialTypeOfNode(context.getNode());
}
