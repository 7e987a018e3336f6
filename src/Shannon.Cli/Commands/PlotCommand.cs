using System.CommandLine;
using Shannon.Reports.Plots;

namespace Shannon.Cli.Commands;

/// <summary><c>shannon plot FIGURE [-o FILE.png|.svg]</c>: the lessons' figures, computed by the library, drawn with ScottPlot.</summary>
internal static class PlotCommand
{
    public static Command Create(CliContext context)
    {
        var figure = new Argument<string>("FIGURE") { Description = "One of: " + string.Join(", ", FigureNames.All) + "." };
        var output = new Option<string?>("--output", "-o") { Description = "Image file to write, .png or .svg (default FIGURE.png)." }.FileOnly("the image format comes from the file's extension (.png or .svg)");
        var json = CommonOptions.Json();
        var command = new Command("plot", "Draw one of the lessons' figures.\nExamples:\n  shannon plot binary-entropy\n  shannon plot kl-asymmetry -o kl.svg")
        {
            figure, output, json,
        };
        command.SetAction(parse =>
        {
            var which = FigureNames.Parse(parse.GetValue(figure)!);
            string path = parse.GetValue(output) ?? FigureNames.NameOf(which) + ".png";
            OutputPaths.CheckFigure(path, "-o");
            FigureFile.Save(LessonFigures.Create(which), path);
            if (parse.GetValue(json))
            {
                CliOutput.Json(context, [new("figure", FigureNames.NameOf(which)), new("path", Path.GetFullPath(path))]);
            }
            else
            {
                context.Out.WriteLine($"wrote {path}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
