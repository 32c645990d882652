import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const packageFiles = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

/**
 * The rooms of nodes/ and the rooms each must not import (CONTRIBUTING.md, "Layout"): arrows point
 * down only, from a product's node (Unstructured, UnstructuredTransform) through description/ and
 * items/ to http/ and input/. An import that points up fails `npm run lint`.
 */
const PRODUCTS = 'Unstructured|UnstructuredTransform';
const forbidden = (rooms, why) => ({
	'no-restricted-imports': [
		'error',
		{ patterns: [{ regex: `(^|/)(${rooms})(/|$)`, message: why }] },
	],
});
const layers = [
	{
		files: ['nodes/input/**/*.ts'],
		rules: forbidden(
			`http|items|description|${PRODUCTS}`,
			'input/ is the lowest room: it imports no other room.',
		),
	},
	{
		files: ['nodes/http/**/*.ts'],
		rules: forbidden(`items|description|${PRODUCTS}`, 'http/ imports input/ only.'),
	},
	{
		files: ['nodes/items/**/*.ts'],
		rules: forbidden(`description|${PRODUCTS}`, 'items/ imports http/ and input/ only.'),
	},
	{
		files: ['nodes/description/**/*.ts'],
		rules: forbidden(PRODUCTS, 'description/ serves every node: it imports no product room.'),
	},
	// Inside a product: api/ < fields/ < job/ < trigger/, methods/ < resources/ < the node files.
	{
		files: ['nodes/*/api/**/*.ts'],
		rules: forbidden(
			'fields|job|trigger|methods|resources|\\w+\\.node',
			"api/ holds the API's paths and models: it imports no other room of its node.",
		),
	},
	{
		files: ['nodes/*/fields/**/*.ts'],
		rules: forbidden(
			'job|trigger|methods|resources|\\w+\\.node',
			'fields/ imports api/ only, within its node.',
		),
	},
	{
		files: ['nodes/*/job/**/*.ts'],
		rules: forbidden(
			'trigger|methods|resources|\\w+\\.node',
			'job/ imports fields/ and api/ only, within its node.',
		),
	},
	{
		files: ['nodes/*/trigger/**/*.ts', 'nodes/*/methods/**/*.ts'],
		rules: forbidden('resources|\\w+\\.node', 'trigger/ and methods/ do not import operations.'),
	},
	{
		files: ['nodes/Unstructured/**/*.ts'],
		rules: forbidden(
			'UnstructuredTransform|support|test',
			"A node imports neither the other product's rooms nor test code.",
		),
	},
	{
		files: ['nodes/UnstructuredTransform/**/*.ts'],
		rules: forbidden(
			'Unstructured|support|test',
			"A node imports neither the other product's rooms nor test code.",
		),
	},
];
/** Nothing imports test/: helpers shared by test/, dev/ and bench/ live in support/. */
const noTestImports = {
	'no-restricted-syntax': [
		'error',
		{
			selector: "CallExpression[callee.name='require'][arguments.0.value=/(^|\\/)test(\\/|$)/]",
			message: 'Nothing imports test/: move what is shared to support/.',
		},
	],
};

export default tseslint.config(
	{ ignores: ['dist/**', 'node_modules/**', '.cache/**'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
	},
	{
		files: ['package.json'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
	},
	// n8n's rules for community packages apply to what ships: nodes, credentials, package.json.
	{ ...n8nCommunityNodesPlugin.configs.recommended, files: packageFiles },
	{
		plugins: { 'n8n-nodes-base': n8nNodesBase },
	},
	{
		files: ['package.json'],
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			// Contradicts @n8n/community-nodes/credential-documentation-url, which requires a full URL
			// (a camelCase slug only points into n8n's own docs). n8n's @n8n/node-cli turns it off too.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			// Both demand the string 'main', which @n8n/community-nodes/node-connection-type-literal
			// forbids in favour of NodeConnectionTypes.Main. n8n's @n8n/node-cli turns them off too.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		files: [
			'test/**/*.js',
			'support/**/*.js',
			'dev/**/*.js',
			'bench/**/*.js',
			'gulpfile.js',
			'index.js',
		],
		languageOptions: { sourceType: 'commonjs', globals: globals.node },
	},
	...layers,
	{
		files: ['support/**/*.js', 'dev/**/*.js', 'bench/**/*.js', 'nodes/**/*.ts'],
		rules: noTestImports,
	},
);
