/**
 * The CDK export is checked twice: the generated file type-checks against aws-cdk-lib's own types
 * (TypeScript's compiler API, the project's compiler options), and, run, it synthesizes the same
 * AWS::IAM::ManagedPolicy as the CloudFormation export (compared semantically where CDK normalizes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Cdk from 'aws-cdk-lib';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JsonValue } from '../../../policy/model';
import { cdkStatements, toCdk, tsKey, tsString, tsValue } from './cdk';
import { cloudFormationTemplate } from './cloudformation';
import { semanticallyEqual } from './testing/semantic';
import { ECS_INPUT, TRICKY_INPUT, TRICKY_NO_ID } from './testing/policies';
import type { ExportInput } from './types';

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = resolve(here, '../../../..');
const require = createRequire(import.meta.url);

const PRINCIPAL: JsonValue = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Ok', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' },
    { Effect: 'Deny', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*', Resource: '*' },
  ],
};

/** Strings a TS literal must carry exactly. */
const HOSTILE = 'a`b${c}d\\e"f\'g\nh\u2028i\u2029j*/k</script>l\u0000m😀';

const CASES: Record<string, ExportInput> = {
  ecs: ECS_INPUT,
  trickyStatements: { ...TRICKY_INPUT, document: TRICKY_NO_ID },
  trickyRaw: TRICKY_INPUT,
  principal: {
    document: PRINCIPAL,
    name: 'with-principal',
    targets: { users: ['u'], groups: [], roles: [] },
  },
  hostile: {
    document: {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: HOSTILE,
        Condition: { StringEquals: { [HOSTILE]: [HOSTILE, 1, true] } },
      },
    },
    name: 'Hostile*/Name`${x}',
    description: HOSTILE,
    path: '/',
    targets: { users: ['same', 'Same'], groups: ['same'], roles: ['same'] },
  },
  wildcard: {
    document: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Odd-Sid', Effect: 'Allow', Action: 's3:Get?bject', Resource: '*' }],
    },
    name: 'RawBecauseOfCdkChecks',
    targets: { users: ['alice'], groups: ['g'], roles: ['r'] },
  },
};

const outputs = Object.fromEntries(Object.entries(CASES).map(([key, input]) => [key, toCdk(input)]));

describe('TS literals', () => {
  it('writes string literals that evaluate to the same text', () => {
    for (const sample of [HOSTILE, '${aws:username}', '', "it's"]) {
      expect(tsString(sample)).not.toMatch(/^`/);
      expect(new Function(`return ${tsString(sample)};`)()).toBe(sample);
    }
  });

  it('quotes keys that are not identifiers and keeps __proto__ an own key', () => {
    expect(tsKey('Bool')).toBe('Bool');
    expect(tsKey('aws:MultiFactorAuthPresent')).toBe('"aws:MultiFactorAuthPresent"');
    expect(tsKey('__proto__')).toBe('["__proto__"]');
    const value = JSON.parse('{"__proto__":{"a":1},"b-c":[1,"x",true,null,-0]}') as JsonValue;
    const back = new Function(`return ${tsValue(value, '')};`)() as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__', 'b-c']);
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
  });
});

describe('cdkStatements', () => {
  it('accepts what iam.PolicyStatement can express', () => {
    expect('statements' in cdkStatements(ECS_INPUT.document)).toBe(true);
    expect('statements' in cdkStatements(TRICKY_NO_ID)).toBe(true);
    expect('statements' in cdkStatements(PRINCIPAL)).toBe(true);
  });

  it('says why it cannot express the rest', () => {
    const reasons = (document: JsonValue) => {
      const result = cdkStatements(document);
      return 'reasons' in result ? result.reasons : [];
    };
    expect(reasons(TRICKY_INPUT.document)).toEqual(['iam.PolicyDocument has no Id']);
    expect(reasons(CASES.wildcard?.document ?? null)).toEqual([
      'CDK accepts only letters and digits in a Sid (statement 1)',
      'CDK rejects the action "s3:Get?bject" (statement 1)',
    ]);
    expect(reasons({ Statement: [{ Effect: 'Allow', Action: [], Resource: '*' }] })).toEqual([
      'CDK always writes Version 2012-10-17',
      'statement 1 has a Action that is not a string or a non-empty list of strings',
    ]);
    expect(
      reasons({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', NotAction: 'x:y' }] }),
    ).toEqual([
      'statement 1 needs exactly one of Action and NotAction',
      'statement 1 needs exactly one of Resource and NotResource',
    ]);
  });
});

describe('toCdk', () => {
  it('writes the ECS seed policy as a Stack with a ManagedPolicy', () => {
    const out = outputs.ecs;
    expect(out?.filename).toBe('ecs-read-only-with-mfa-stack.ts');
    expect(out?.notes).toEqual([]);
    expect(out?.text).toBe(
      [
        'import { CfnOutput, Stack, type StackProps } from "aws-cdk-lib";',
        'import * as iam from "aws-cdk-lib/aws-iam";',
        'import type { Construct } from "constructs";',
        '',
        '/** The IAM managed policy EcsReadOnlyWithMfa. */',
        'export class EcsReadOnlyWithMfaStack extends Stack {',
        '  constructor(scope: Construct, id: string, props?: StackProps) {',
        '    super(scope, id, props);',
        '',
        '    const policy = new iam.ManagedPolicy(this, "EcsReadOnlyWithMfa", {',
        '      managedPolicyName: "EcsReadOnlyWithMfa",',
        '      description: "Read-only ECS access, only with MFA",',
        '      path: "/",',
        '      statements: [',
        '        new iam.PolicyStatement({',
        '          sid: "EcsReadOnlyWithMfa",',
        '          effect: iam.Effect.ALLOW,',
        '          actions: ["ecs:Describe*", "ecs:List*"],',
        '          resources: ["*"],',
        '          conditions: { Bool: { "aws:MultiFactorAuthPresent": "true" } },',
        '        }),',
        '      ],',
        '    });',
        '',
        '    new CfnOutput(this, "PolicyArn", { value: policy.managedPolicyArn });',
        '  }',
        '}',
        '',
        '// In bin/app.ts: new EcsReadOnlyWithMfaStack(app, "EcsReadOnlyWithMfaStack");',
        '',
      ].join('\n'),
    );
  });

  it('never writes a template literal, and escapes policy variables nowhere', () => {
    for (const out of Object.values(outputs)) {
      const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, out.text);
      for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
        expect(kind).not.toBe(ts.SyntaxKind.NoSubstitutionTemplateLiteral);
        expect(kind).not.toBe(ts.SyntaxKind.TemplateHead);
      }
    }
    expect(outputs.trickyStatements?.text).toContain('"arn:aws:s3:::example-bucket/home/${aws:username}/*"');
  });

  it('notes a left-out Principal in a comment and in the notes', () => {
    const out = outputs.principal;
    expect(out?.text).toContain('// Left out: Principal {"AWS":"arn:aws:iam::111122223333:root"}');
    expect(out?.notes).toEqual([
      'Statement 2: the Principal is left out of the CDK code (identity policies cannot name a principal).',
    ]);
  });

  it('falls back to CfnManagedPolicy with the document as it is, and says why', () => {
    expect(outputs.trickyRaw?.text).toContain('new iam.CfnManagedPolicy(this, "TrickyPolicyV2", {');
    expect(outputs.trickyRaw?.text).toContain(
      '// iam.PolicyStatement cannot express it: iam.PolicyDocument has no Id.',
    );
    expect(outputs.trickyRaw?.notes[0]).toMatch(/iam\.CfnManagedPolicy.*has no Id/);
  });

  it('type-checks against aws-cdk-lib with the project compiler options', () => {
    const config = ts.readConfigFile(join(projectRoot, 'tsconfig.json'), (path) => ts.sys.readFile(path));
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, projectRoot);
    const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
    const files = new Map(
      Object.entries(outputs).map(([key, out]) => [join(here, `__generated_${key}.ts`), out.text]),
    );
    const host = ts.createCompilerHost(options, true);
    const { getSourceFile, fileExists, readFile } = host;
    host.fileExists = (file) => files.has(file) || fileExists.call(host, file);
    host.readFile = (file) => files.get(file) ?? readFile.call(host, file);
    host.getSourceFile = (file, language, onError, create) => {
      const text = files.get(file);
      return text !== undefined
        ? ts.createSourceFile(file, text, language, true)
        : getSourceFile.call(host, file, language, onError, create);
    };
    const program = ts.createProgram([...files.keys()], options, host);
    const diagnostics = [...files.keys()].flatMap((file) => {
      const source = program.getSourceFile(file);
      return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    });
    const messages = diagnostics.map(
      (d) =>
        `${d.file?.fileName ?? ''}:${d.start ?? 0} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
    expect(messages).toEqual([]);
  }, 120_000);

  describe('synthesized with aws-cdk-lib', () => {
    let outdir = '';
    beforeAll(() => {
      outdir = mkdtempSync(join(tmpdir(), 'export-cdk-'));
    });
    afterAll(() => {
      rmSync(outdir, { recursive: true, force: true });
    });

    interface Resource {
      Type: string;
      Properties: Record<string, unknown>;
    }

    /** Runs the generated module (transpiled to CommonJS) and synthesizes its stack. */
    function synthesize(
      key: string,
      out: { text: string },
      className: string,
    ): { resources: Record<string, Resource>; outputs: Record<string, { Value: unknown }>; printed: string } {
      const js = ts.transpileModule(out.text, {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
      }).outputText;
      const module = { exports: {} as Record<string, unknown> };
      new Function('require', 'module', 'exports', js)(require, module, module.exports);
      const cdk = require('aws-cdk-lib') as typeof Cdk;
      const app = new cdk.App({ outdir: join(outdir, key) });
      const StackClass = module.exports[className] as new (
        scope: unknown,
        id: string,
      ) => InstanceType<typeof cdk.Stack>;
      const stack = new StackClass(app, 'TestStack');
      // CDK lints the template against CloudFormation's schema and prints warnings: keep them.
      const printed: string[] = [];
      const keep = (...args: unknown[]) => {
        printed.push(args.map(String).join(' '));
      };
      const spies = [
        vi.spyOn(console, 'error').mockImplementation(keep),
        vi.spyOn(console, 'warn').mockImplementation(keep),
        vi.spyOn(console, 'log').mockImplementation(keep),
      ];
      try {
        const template = app.synth().getStackArtifact(stack.artifactId).template as {
          Resources: Record<string, Resource>;
          Outputs: Record<string, { Value: unknown }>;
        };
        return { resources: template.Resources, outputs: template.Outputs, printed: printed.join('\n') };
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    }

    for (const [key, input] of Object.entries(CASES)) {
      it(`renders the same managed policy as the CloudFormation export (${key})`, () => {
        const out = outputs[key];
        if (!out) throw new Error(key);
        const className = /export class (\w+) extends Stack/.exec(out.text)?.[1] ?? '';
        const { resources, outputs: stackOutputs, printed } = synthesize(key, out, className);
        if (key === 'ecs' || key === 'principal') expect(printed).not.toMatch(/WARNING/);
        const policies = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy');
        expect(policies).toHaveLength(1);
        const [logicalId, resource] = policies[0] ?? ['', { Type: '', Properties: {} }];
        const expected = cloudFormationTemplate(input).template as {
          Resources: Record<string, { Properties: Record<string, unknown> }>;
        };
        const expectedProperties = Object.values(expected.Resources)[0]?.Properties ?? {};
        const { PolicyDocument: actualDocument, ...actualRest } = resource.Properties;
        const { PolicyDocument: expectedDocument, ...expectedRest } = expectedProperties;
        // CDK's ManagedPolicy writes Description "" when there is none
        if (actualRest.Description === '' && expectedRest.Description === undefined)
          delete actualRest.Description;
        expect(actualRest).toStrictEqual(expectedRest);
        if (out.text.includes('CfnManagedPolicy')) {
          // passed through as it is: exact, key order included
          expect(JSON.stringify(actualDocument)).toBe(JSON.stringify(expectedDocument));
        } else if (key === 'principal') {
          const withoutPrincipal = JSON.parse(JSON.stringify(PRINCIPAL)) as {
            Statement: Record<string, unknown>[];
          };
          delete withoutPrincipal.Statement[1]?.Principal;
          expect(semanticallyEqual(actualDocument, withoutPrincipal)).toBe(true);
        } else {
          expect(semanticallyEqual(actualDocument, expectedDocument)).toBe(true);
        }
        expect(stackOutputs.PolicyArn?.Value).toStrictEqual({ Ref: logicalId });
      }, 120_000);
    }
  });
});
