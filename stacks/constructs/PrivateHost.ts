import { readFileSync } from "node:fs";
import {
  BlockDeviceVolume,
  EbsDeviceVolumeType,
  Instance,
  InstanceType,
  MachineImage,
  OperatingSystemType,
  UserData,
  type ISecurityGroup,
  type IVpc,
} from "aws-cdk-lib/aws-ec2";
import { ManagedPolicy, Role, ServicePrincipal } from "aws-cdk-lib/aws-iam";
import { EC2_UNIQUE_IMDSV2_LAUNCH_TEMPLATE_NAME } from "aws-cdk-lib/cx-api";
import { Construct } from "constructs";
import { ISOLATED } from "../Network.ts";
import { suppress } from "../nag-suppressions.ts";
import { projectPath } from "../project-path.ts";

/** The device the data volume is attached as (AL2023 links it to the NVMe name). */
export const DATA_DEVICE = "/dev/sdf";

export interface PrivateHostProps {
  vpc: IVpc;
  securityGroup: ISecurityGroup;
  instanceType: string;
  arch: "arm64" | "x86_64";
  /** The data volume (PostgreSQL's cluster), GiB. */
  dataGiB: number;
  /** A file in stacks/user-data/, run as root at first boot after `environment` is exported. */
  script: string;
  /** Exported before the script runs (values may be CDK tokens: ARNs, names). */
  environment: Record<string, string>;
}

/**
 * An Amazon Linux 2023 host in an isolated subnet: no public IP, no key pair and no SSH (admins
 * use SSM Session Manager), IMDSv2 only, encrypted gp3 volumes. Its data volume outlives the
 * instance (DeleteOnTermination false). The AMI is the current AL2023 one, resolved by EC2 at
 * launch (`resolve:ssm:`), so a newer AMI never replaces a running database host on deploy.
 */
export class PrivateHost extends Construct {
  readonly instance: Instance;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: PrivateHostProps) {
    super(scope, id);
    // requireImdsv2 adds a launch template; without this flag it is named "<id>LaunchTemplate",
    // the same for both hosts and every stage of the account.
    this.node.setContext(EC2_UNIQUE_IMDSV2_LAUNCH_TEMPLATE_NAME, true);
    this.role = new Role(this, "Role", {
      assumedBy: new ServicePrincipal("ec2.amazonaws.com"),
      description: `compushop ${id}: Session Manager, and its own secrets`,
      managedPolicies: [ManagedPolicy.fromAwsManagedPolicyName("AmazonSSMManagedInstanceCore")],
    });
    suppress(this.role, [{
      id: "AwsSolutions-IAM4",
      reason: "AmazonSSMManagedInstanceCore is what SSM Session Manager needs on the host (the only way in: no key pair, no SSH port).",
      appliesTo: ["Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonSSMManagedInstanceCore"],
    }]);

    const userData = UserData.forLinux();
    userData.addCommands(
      "set -euo pipefail",
      ...Object.entries(props.environment).map(([name, value]) => `export ${name}='${value}'`),
      readFileSync(projectPath("stacks", "user-data", "common.sh"), "utf8"),
      readFileSync(projectPath("stacks", "user-data", props.script), "utf8"),
    );

    const ssmArch = props.arch === "arm64" ? "arm64" : "x86_64";
    this.instance = new Instance(this, "Instance", {
      vpc: props.vpc,
      vpcSubnets: ISOLATED,
      associatePublicIpAddress: false,
      instanceType: new InstanceType(props.instanceType),
      machineImage: MachineImage.resolveSsmParameterAtLaunch(
        `/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-${ssmArch}`,
        { os: OperatingSystemType.LINUX },
      ),
      securityGroup: props.securityGroup,
      role: this.role,
      requireImdsv2: true,
      userData,
      userDataCausesReplacement: false,
      detailedMonitoring: true,
      disableApiTermination: true,
      ebsOptimized: true,
      blockDevices: [
        {
          deviceName: "/dev/xvda",
          volume: BlockDeviceVolume.ebs(30, { encrypted: true, volumeType: EbsDeviceVolumeType.GP3, deleteOnTermination: true }),
        },
        {
          deviceName: DATA_DEVICE,
          volume: BlockDeviceVolume.ebs(props.dataGiB, { encrypted: true, volumeType: EbsDeviceVolumeType.GP3, deleteOnTermination: false }),
        },
      ],
    });
  }
}
