import FileOpenIcon from '@mui/icons-material/FileOpen';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useRef, type ChangeEvent } from 'react';
import { offsetOf } from './readPolicyText';
import type { TextProblem } from './readPolicyText';
import { readFileText } from './readFileText';

export interface PasteImportProps {
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  /** the file the text came from, when it came from one */
  readonly fileName: string | undefined;
  readonly onFile: (text: string, name: string) => void;
  /** why the text could not be imported (the draft is untouched) */
  readonly problems: readonly TextProblem[];
  readonly onFileError: (message: string) => void;
}

/** "Paste or open JSON": a text area, a file chooser, and what is wrong with the text. */
export function PasteImport({ text, onTextChange, fileName, onFile, problems, onFileError }: PasteImportProps) {
  const input = useRef<HTMLInputElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const showPlace = (line: number, column: number) => {
    const element = area.current;
    if (!element) return;
    const offset = offsetOf(text, line, column);
    element.focus();
    element.setSelectionRange(offset, Math.min(text.length, offset + 1));
    // Scroll the line into view: about one line height per line above it.
    const lineHeight = parseFloat(getComputedStyle(element).lineHeight) || 20;
    element.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };
  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await readFileText(file);
    if (result.ok) onFile(result.text, file.name);
    else onFileError(result.message);
  };
  return (
    <Stack spacing={1.5} sx={{ height: '100%', minHeight: 0 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Button variant="outlined" startIcon={<FileOpenIcon />} onClick={() => input.current?.click()}>
          Open a .json file
        </Button>
        <input
          ref={input}
          type="file"
          accept=".json,application/json,text/plain"
          aria-label="Policy file"
          hidden
          onChange={(e) => void onChoose(e)}
        />
        <Typography variant="body2" color="text.secondary">
          {fileName ? `From ${fileName}. ` : ''}Or drop a file anywhere on the editor. A policy document, a single statement, a
          list of statements or the output of aws iam get-policy-version all work.
        </Typography>
      </Stack>
      {problems.length > 0 && (
        <Alert severity="error" role="alert">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            This cannot be imported; the draft is unchanged.
          </Typography>
          <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
            {problems.map((problem, i) => (
              <li key={i}>
                {problem.message}
                {problem.line !== undefined && (
                  <Button
                    size="small"
                    color="inherit"
                    sx={{ ml: 1, py: 0, minWidth: 0, textDecoration: 'underline' }}
                    onClick={() => showPlace(problem.line ?? 1, problem.column ?? 1)}
                  >
                    Show line {problem.line}
                  </Button>
                )}
              </li>
            ))}
          </Box>
        </Alert>
      )}
      <TextField
        label="Policy JSON"
        multiline
        value={text}
        onChange={(e) => onTextChange(e.target.value)}
        placeholder={'{\n    "Version": "2012-10-17",\n    "Statement": [ … ]\n}'}
        error={problems.length > 0}
        inputRef={area}
        sx={{ flex: 1, minHeight: 0, '& .MuiInputBase-root': { height: '100%', alignItems: 'flex-start', overflow: 'auto' } }}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
      />
    </Stack>
  );
}
