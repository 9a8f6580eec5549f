using System.CommandLine;

namespace Fast.Cli;

/// <summary>One `fast` subcommand. Implementations need a public parameterless constructor.</summary>
public interface ICliCommand
{
    Command Build();
}
