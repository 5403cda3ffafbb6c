/** Validation messages shown next to a field or a section, in the error colour. */
import Typography from '@mui/material/Typography';

export function ProblemText({ messages, id }: { messages: string[]; id?: string }) {
  if (messages.length === 0) return null;
  return (
    <Typography id={id} variant="caption" component="div" role="alert" sx={{ color: 'error.main', mt: 0.5 }}>
      {messages.map((m) => (
        <div key={m}>{m}</div>
      ))}
    </Typography>
  );
}
