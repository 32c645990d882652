/**
 * The processing nodes of a custom job (Job › Create's Job Nodes) or workflow (Workflow Nodes): the
 * same list in both, written once (docs/unstructured-api.md §4 and §5).
 */
export const PROCESSING_NODES_DESCRIPTION =
	'a JSON list of {"name", "type", "subtype", "settings"}, with types partition, prompter, chunk and embed';

export const EXAMPLE_PROCESSING_NODES = `[
  {
    "name": "Partitioner",
    "type": "partition",
    "subtype": "unstructured_api",
    "settings": { "strategy": "fast" }
  }
]`;
