/**
 * Catches a crash of one area so the rest of the console keeps working. The design is in the
 * project store, outside React, so "Try again" re-renders the area with every unsaved edit intact.
 */
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';

interface Props {
  area: string;
  children: ReactNode;
}

export class AreaErrorBoundary extends Component<Props, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is the only log a renderer has; the stack helps a bug report.
    console.error(`The ${this.props.area} area failed:`, error, info.componentStack);
  }

  componentDidUpdate(previous: Props): void {
    if (previous.area !== this.props.area && this.state.error) this.setState({ error: undefined });
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <Box sx={{ p: 3, maxWidth: 820 }}>
        <Alert
          severity="error"
          action={
            <Button color="inherit" onClick={() => this.setState({ error: undefined })}>
              Try again
            </Button>
          }
        >
          <AlertTitle>The {this.props.area} screen stopped working</AlertTitle>
          {error.message || String(error)}
          <Box component="p" sx={{ mb: 0 }}>
            Your unsaved changes are kept: save them from the top bar, or try again. If it happens again, the browser console has the details for a bug report.
          </Box>
        </Alert>
      </Box>
    );
  }
}
