package dev.swarmsnap.lab;

/**
 * The parts a lab works with on this host, wired once per {@link Labs} (no statics): the programs,
 * processes, namespaces, mounts, engines and the registry.
 */
record LabHost(
    LabSettings settings,
    HostPrivileges privileges,
    Toolchain tools,
    CommandRunner runner,
    ProcessTable processes,
    LabRegistry registry,
    LabNetwork network,
    MountTable mounts,
    NodeFiles files,
    DaemonControl daemons,
    DockerCommand docker,
    SwarmFormation swarm) {

  static LabHost wire(LabSettings settings, String pathVariable) {
    Toolchain tools = new Toolchain(settings, pathVariable);
    CommandRunner runner = new CommandRunner();
    ProcessTable processes = new ProcessTable();
    DockerCommand docker = new DockerCommand(runner, tools);
    return new LabHost(
        settings,
        new HostPrivileges(),
        tools,
        runner,
        processes,
        new LabRegistry(settings.registryDir()),
        new LabNetwork(runner, tools, settings.commandTimeout()),
        new MountTable(runner, tools, settings.commandTimeout()),
        new NodeFiles(tools),
        new DaemonControl(runner, processes, new EnginePing(), settings),
        docker,
        new SwarmFormation(docker, settings.commandTimeout()));
  }
}
