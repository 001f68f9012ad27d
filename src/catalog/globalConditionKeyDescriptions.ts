/**
 * One-line descriptions of the global condition keys, written from the IAM User Guide's
 * "AWS global condition context keys" page (the IAM data ships these keys with empty
 * descriptions). Keyed by the key's normalised name (see normaliseConditionKey), in the
 * data's order and grouped by the data's categories. Pure data.
 */
export const GLOBAL_CONDITION_KEY_DESCRIPTIONS: Readonly<Record<string, string>> = {
  // Properties of the principal
  'aws:PrincipalArn':
    'The ARN of the principal that made the request (for a role session, the ARN of the role, not of the session).',
  'aws:PrincipalAccount': 'The AWS account ID of the principal that made the request.',
  'aws:PrincipalOrgPaths':
    'The AWS Organizations path (organization, root and organizational units) of the account of the principal that made the request.',
  'aws:PrincipalOrgID':
    'The ID of the AWS Organizations organization that the account of the principal that made the request belongs to.',
  'aws:PrincipalTag/${TagKey}':
    'A tag attached to the principal that made the request (the IAM user or role, or a session tag).',
  'aws:PrincipalIsAWSService':
    'Whether the request was made by an AWS service principal (such as cloudtrail.amazonaws.com) with its own identity.',
  'aws:PrincipalServiceName':
    'The name of the service principal (such as cloudtrail.amazonaws.com) that made the request.',
  'aws:PrincipalServiceNamesList':
    'All the names of the service principal that made the request, for services that have more than one.',
  'aws:PrincipalType':
    'The type of principal that made the request: Account, User, FederatedUser, AssumedRole or Anonymous.',
  'aws:userid':
    'The unique ID of the principal that made the request (for a role session, the role ID and the session name).',
  'aws:username': 'The friendly name of the IAM user that made the request (IAM users only).',

  // Properties of the role session
  'aws:AssumedRoot':
    'Whether the request was made with root credentials obtained through sts:AssumeRoot for a member account.',
  'aws:FederatedProvider':
    'The identity provider (IdP) that authenticated the federated principal, such as an OIDC provider or cognito-identity.amazonaws.com.',
  'aws:TokenIssueTime':
    'The date and time at which the temporary security credentials of the request were issued.',
  'aws:MultiFactorAuthAge':
    'The number of seconds since the principal authenticated with MFA (absent when MFA was not used).',
  'aws:MultiFactorAuthPresent':
    'Whether the request was authenticated with MFA (multi-factor authentication).',
  'aws:ChatbotSourceArn':
    'The ARN of the chat channel configuration (AWS Chatbot, now Amazon Q Developer in chat applications) the request came from.',
  'aws:Ec2InstanceSourceVpc':
    'The ID of the VPC to which the EC2 instance role credentials used for the request were delivered.',
  'aws:Ec2InstanceSourcePrivateIPv4':
    'The private IPv4 address of the primary network interface of the EC2 instance to which the role credentials were delivered.',
  'aws:SourceIdentity':
    'The source identity that the principal set when assuming the role; it persists through role chaining.',
  'ec2:RoleDelivery':
    'The version of the EC2 instance metadata service that delivered the instance role credentials (1.0 or 2.0).',
  'ec2:SourceInstanceArn': 'The ARN of the EC2 instance whose role credentials were used for the request.',
  'glue:RoleAssumedBy':
    'Set when AWS Glue makes the request with a service role on your behalf (the value is glue.amazonaws.com).',
  'glue:CredentialIssuingService':
    'Set when the request uses role credentials that AWS Glue issued, such as for an interactive session (the value is glue.amazonaws.com).',
  'lambda:SourceFunctionArn':
    'The ARN of the Lambda function whose execution role credentials were used for the request.',
  'ssm:SourceInstanceArn':
    'The ARN of the Systems Manager managed instance whose role credentials were used for the request.',
  'identitystore:UserId':
    'The IAM Identity Center user ID of the workforce user on whose behalf the request was made (identity-enhanced sessions).',

  // Properties of the network
  'aws:SourceIp':
    'The IP address the request came from (not set for requests through a VPC endpoint; see aws:VpcSourceIp).',
  'aws:SourceVpc': 'The ID of the VPC the request came from through a VPC endpoint.',
  'aws:SourceVpcArn': 'The ARN of the VPC the request came from through a VPC endpoint.',
  'aws:SourceVpce': 'The ID of the VPC endpoint the request came through.',
  'aws:VpceAccount': 'The AWS account ID that owns the VPC endpoint the request came through.',
  'aws:VpceOrgPaths':
    'The AWS Organizations path of the account that owns the VPC endpoint the request came through.',
  'aws:VpceOrgID':
    'The ID of the AWS Organizations organization that owns the VPC endpoint the request came through.',
  'aws:VpcSourceIp': 'The IP address the request came from through a VPC endpoint.',

  // Properties of the resource
  'aws:ResourceAccount': 'The AWS account ID that owns the resource in the request.',
  'aws:ResourceOrgID':
    'The ID of the AWS Organizations organization that the account owning the resource in the request belongs to.',
  'aws:ResourceOrgPaths': 'The AWS Organizations path of the account that owns the resource in the request.',
  'aws:ResourceTag/${TagKey}': 'A tag attached to the resource in the request.',

  // Properties of the request
  'aws:CalledVia':
    "The list of AWS services (service principals) that made requests on the principal's behalf, in order.",
  'aws:CalledViaFirst':
    'The first AWS service in aws:CalledVia: the one the principal called, which then called others on its behalf.',
  'aws:CalledViaLast':
    "The last AWS service in aws:CalledVia: the one that made this request on the principal's behalf.",
  'aws:CalledViaAWSMCP': 'The AWS managed MCP (Model Context Protocol) server the request was made through.',
  'aws:ViaAWSService':
    "Whether an AWS service made the request on the principal's behalf with the principal's credentials (forward access sessions).",
  'aws:ViaAWSMCPService':
    'Whether the request was made through an AWS managed MCP (Model Context Protocol) server.',
  'aws:CurrentTime': 'The date and time of the request (compare with the Date operators).',
  'aws:EpochTime':
    'The date and time of the request in epoch (Unix) time (compare with the Date or Numeric operators).',
  'aws:referer':
    'The HTTP Referer header of the request, as the client sent it (easily forged: not a protection against unauthorized access).',
  'aws:RequestedRegion': 'The AWS Region the request was made to (global services usually report us-east-1).',
  'aws:RequestTag/${TagKey}':
    'A tag key and value passed in the request, such as when creating or tagging a resource.',
  'aws:TagKeys': 'The tag keys passed in the request.',
  'aws:SecureTransport': 'Whether the request was sent over TLS (HTTPS).',
  'aws:SourceArn':
    'The ARN of the resource on whose behalf an AWS service made the request (service-to-service requests).',
  'aws:SourceAccount':
    'The AWS account ID that owns the resource on whose behalf an AWS service made the request (service-to-service requests).',
  'aws:SourceOwner':
    'The AWS account ID that owns the resource on whose behalf an AWS service made the request (older form of aws:SourceAccount, used by Amazon SNS).',
  'aws:SourceOrgPaths':
    'The AWS Organizations path of the account that owns the resource on whose behalf an AWS service made the request.',
  'aws:SourceOrgID':
    'The ID of the AWS Organizations organization of the account that owns the resource on whose behalf an AWS service made the request.',
  'aws:UserAgent':
    'The HTTP User-Agent of the client that made the request (easily forged: not a protection against unauthorized access).',
  'aws:IsMcpServiceAction': 'Whether the requested action is an action of an AWS managed MCP server.',
};
