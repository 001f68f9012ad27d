import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { TAGS_MAX, TAG_KEY_MAX, TAG_VALUE_MAX, tagProblems, type TagDraft } from '../../policy/iamLimits';

export interface TagsEditorProps {
  readonly tags: readonly TagDraft[];
  readonly onChange: (tags: TagDraft[]) => void;
}

/** Key/value tags with IAM's rules checked per field as they are typed. */
export function TagsEditor({ tags, onChange }: TagsEditorProps) {
  const problems = tagProblems(tags);
  const update = (index: number, patch: Partial<TagDraft>) =>
    onChange(tags.map((t, i) => (i === index ? { ...t, ...patch } : t)));
  return (
    <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
      <Typography component="legend" variant="subtitle2">
        Tags ({tags.length} of {TAGS_MAX})
      </Typography>
      {tags.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          No tags. Tags help find and control access to the policy (e.g. team, cost centre).
        </Typography>
      )}
      {tags.map((tag, index) => {
        const problem = problems[index] ?? {};
        return (
          <Stack key={index} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={`Tag ${index + 1} key`}
              value={tag.key}
              onChange={(e) => update(index, { key: e.target.value })}
              error={Boolean(problem.key)}
              helperText={problem.key ?? `${tag.key.length}/${TAG_KEY_MAX}`}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
            <TextField
              size="small"
              label={`Tag ${index + 1} value`}
              value={tag.value}
              onChange={(e) => update(index, { value: e.target.value })}
              error={Boolean(problem.value)}
              helperText={problem.value ?? `${tag.value.length}/${TAG_VALUE_MAX} (may be empty)`}
              sx={{ flex: 1 }}
              slotProps={{ htmlInput: { spellCheck: false } }}
            />
            <IconButton
              aria-label={`Remove tag ${index + 1}`}
              onClick={() => onChange(tags.filter((_, i) => i !== index))}
              sx={{ mt: 0.5 }}
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      <div>
        <Button
          size="small"
          startIcon={<AddIcon />}
          disabled={tags.length >= TAGS_MAX}
          onClick={() => onChange([...tags, { key: '', value: '' }])}
        >
          Add tag
        </Button>
        {tags.length >= TAGS_MAX && (
          <Typography variant="caption" color="text.secondary" sx={{ ml: 1 }}>
            IAM allows at most {TAGS_MAX} tags.
          </Typography>
        )}
      </div>
    </Stack>
  );
}
