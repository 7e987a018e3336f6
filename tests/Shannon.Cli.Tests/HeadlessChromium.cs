using System.Diagnostics;

namespace Shannon.Cli.Tests;

/// <summary>Runs Debian's headless Chromium (<c>/usr/bin/chromium</c>) on a local HTML file.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool Installed => File.Exists(Path);

    /// <summary>Runs Chromium with the isolation flags plus <paramref name="action"/>; returns stdout and stderr.</summary>
    public static (int Code, string Out, string Err) Run(string htmlPath, params string[] action)
    {
        string profile = Directory.CreateTempSubdirectory("shannon-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string flag in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--enable-logging=stderr", "--v=0", $"--user-data-dir={profile}",
            }.Concat(action))
            {
                start.ArgumentList.Add(flag);
            }

            start.ArgumentList.Add(new Uri(htmlPath).AbsoluteUri);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("Chromium did not finish within 3 minutes.");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
