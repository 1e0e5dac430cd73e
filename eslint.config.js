import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'data/',
			'test-results/',
			'playwright-report/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// The rules are deterministic and portable: no clock, no randomness, no platform imports.
		files: ['src/lib/domain/**/*.ts'],
		ignores: ['src/lib/domain/**/*.spec.ts', 'src/lib/domain/testing/**'],
		rules: {
			'no-restricted-properties': [
				'error',
				{ object: 'Date', property: 'now', message: 'Rules take time from context.now.' },
				{ object: 'Math', property: 'random', message: 'Rules take ids from the mutation.' },
				{ object: 'crypto', property: 'randomUUID', message: 'Rules take ids from the mutation.' },
				{ object: 'performance', property: 'now', message: 'Rules take time from context.now.' }
			],
			'no-restricted-syntax': [
				'error',
				{
					selector: "NewExpression[callee.name='Date'][arguments.length=0]",
					message: 'Rules take time from context.now.'
				},
				{
					selector: "CallExpression[callee.name='Date']",
					message: 'Rules take time from context.now.'
				}
			],
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							regex: '^(svelte|dexie|\\$app|node:|fs$|path$|crypto$)',
							message: 'domain/ is pure.'
						},
						{ regex: '^\\$lib/(local|sync|state|components|server)', message: 'domain/ is pure.' }
					]
				}
			]
		}
	}
);
