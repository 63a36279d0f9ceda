package io.fedflow.connectors.slurm;

import java.util.List;
import java.util.Map;

/**
 * The login node of a Slurm site reached over SSH ({@code transport: ssh}). Only read here: the SSH
 * transport itself is another piece of work, which takes these settings as they are.
 *
 * @param host the login node ({@code host}, required)
 * @param port its SSH port ({@code port}, optional)
 * @param identityFile the private key or certificate to use ({@code identityFile}, optional)
 * @param knownHosts the known-hosts file to check the host against ({@code knownHosts}, optional)
 * @param controlPersist how long the shared connection outlives its last command ({@code
 *     controlPersist}, optional)
 */
record SshTarget(
    String host, Integer port, String identityFile, String knownHosts, String controlPersist) {

  static SshTarget of(Map<String, String> s, List<String> problems) {
    String host = SlurmSettings.required(s, "host", problems);
    Integer port = null;
    String portText = s.get("port");
    if (portText != null) {
      try {
        port = Integer.parseInt(portText.strip());
        if (port < 1 || port > 65535) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        problems.add(SlurmSettings.expected("port", "a TCP port (1 to 65535)", portText));
        port = null;
      }
    }
    return new SshTarget(
        host == null ? null : host.strip(),
        port,
        s.get("identityFile"),
        s.get("knownHosts"),
        s.get("controlPersist"));
  }
}
