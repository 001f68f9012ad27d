import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';

/** Customer managed policies come from the account: not available until the account connection lands. */
export function CustomerManagedTab() {
  return (
    <Alert severity="info">
      <AlertTitle>Connect to an account to list your customer managed policies</AlertTitle>
      <Typography variant="body2">
        Listing the policies of your account needs the account connection, which this version does not have yet. Until
        then, get a policy’s document with the AWS CLI and paste it in “Paste or open JSON”:
      </Typography>
      <Box component="pre" sx={{ m: 0, mt: 1, p: 1, fontFamily: 'monospace', fontSize: 12.5, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap' }}>
        aws iam get-policy-version --policy-arn arn:aws:iam::123456789012:policy/MyPolicy --version-id v1
      </Box>
    </Alert>
  );
}
