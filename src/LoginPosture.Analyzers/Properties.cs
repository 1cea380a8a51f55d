using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("LoginPosture.Analyzers.CodeFixes")]
[assembly: InternalsVisibleTo("LoginPosture.Analyzers.Tests")]
[assembly: InternalsVisibleTo("LoginPosture.Benchmarks")]
