import { z } from 'zod';
import { defineActivity } from '../define-activity';
import { compileLoadFile } from './compile';
import { columnProblems } from './column-problems';
import { fileColumnTypes } from './parse';
import { csvDelimiters } from '../../domain/csv-delimiter';

/** Largest CSV text a campaign stores (characters): files are for lists, not for data sets. */
export const MAX_FILE_CHARS = 2_000_000;

const fileColumnSchema = z.object({
  /** Column name in the working table: letters, digits and underscores. */
  name: z.string(),
  /** Column heading in the file when it has a header line (its own name when empty). Without a header, columns are read in order. */
  source: z.string().default(''),
  type: z.enum(fileColumnTypes).default('string'),
  /** A value that does not convert to the type: left empty, the line rejected, or replaced by `defaultValue`. */
  onError: z.enum(['ignore', 'reject', 'default']).default('reject'),
  defaultValue: z.string().default(''),
});
export type FileColumn = z.infer<typeof fileColumnSchema>;

export const loadFileConfigSchema = z.object({
  /** Name of the file, for people. */
  fileName: z.string().default(''),
  /** The CSV text, stored in the campaign document. */
  content: z.string().max(MAX_FILE_CHARS, 'the file is too large to store in a campaign').default(''),
  /** `auto` detects it from the first records, `,` when no delimiter cuts them evenly (one column). */
  delimiter: z.enum(['auto', ...csvDelimiters]).default('auto'),
  /** The first line holds the column headings. */
  header: z.boolean().default(true),
  columns: z.array(fileColumnSchema).default([]),
});
export type LoadFileConfig = z.infer<typeof loadFileConfigSchema>;

export const loadFile = defineActivity<LoadFileConfig>({
  type: 'load-file',
  version: 1,
  meta: {
    title: 'Load file',
    description: 'Read a CSV file with typed columns; rejected lines are counted.',
    category: 'targeting',
    icon: 'file-up',
    keywords: ['csv', 'import', 'upload', 'list'],
  },
  ports: () => ({
    in: [],
    out: [
      { id: 'out', label: 'Records' },
      { id: 'rejected', label: 'Rejected lines', complement: true },
    ],
  }),
  schema: loadFileConfigSchema,
  defaults: () => loadFileConfigSchema.parse({}),
  compile: compileLoadFile,
  producesAudience: true,
  validate: (config, ctx) =>
    config.content.trim() === '' || config.columns.length === 0
      ? [
          {
            severity: 'warning',
            code: 'missing-config',
            message: config.content.trim() === '' ? 'Choose the file to load.' : 'Describe the columns to read.',
            activityId: ctx.activity.id,
            path: config.content.trim() === '' ? 'content' : 'columns',
          },
        ]
      : columnProblems(config, ctx.activity.id),
});
