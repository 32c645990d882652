import { n8nCommunityNodesPlugin } from '@n8n/eslint-plugin-community-nodes';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const packageFiles = ['nodes/**/*.ts', 'credentials/**/*.ts', 'package.json'];

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
		files: ['test/**/*.js', 'bench/**/*.js', 'gulpfile.js', 'index.js'],
		languageOptions: { sourceType: 'commonjs', globals: globals.node },
	},
);
