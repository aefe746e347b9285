namespace Learning.Modules.Reporting.Charts;

public sealed record ChartLine(double X1, double Y1, double X2, double Y2, string Stroke, double Thickness = 1) : ChartShape;
